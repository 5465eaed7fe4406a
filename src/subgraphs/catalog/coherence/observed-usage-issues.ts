import type { EntityManager } from '@mikro-orm/postgresql';
import { applicationReads } from '../../../kernel/usage/usage-reader';
import type { ApplicationNode } from '../application/application.entity';
import { referentialStub } from '../federation/referential.stub';
import { OBSERVED_DAYS } from '../impact/observed-readers';
import { daysAgo } from '../observed-usage/observed-usage.service';
import type { ReferentialUsageNode } from '../referential-usage/referential-usage.entity';
import { UsageMode } from '../referential-usage/usage-mode.enum';
import { CoherenceIssueKind as K, type CoherenceIssue } from './coherence.types';

/**
 * Declared usage against observed reads (last 90 days). "Declared but unread" is only said of applications seen
 * calling the API in that period: one that never calls it may read the referential from files or exports.
 */
export async function observedUsageIssues(
  em: EntityManager,
  usages: ReferentialUsageNode[],
  applications: Map<string, ApplicationNode>,
): Promise<CoherenceIssue[]> {
  const since = daysAgo(OBSERVED_DAYS);
  const { reads: read, active } = await applicationReads(em, since);
  const declared = new Set(usages.map((u) => `${u.applicationCode}\n${u.referentialCode}`));
  const issues: CoherenceIssue[] = [];
  for (const key of [...read].sort()) {
    if (declared.has(key)) continue;
    const [application, referential] = key.split('\n');
    issues.push({
      kind: K.READ_BUT_UNDECLARED,
      message: `${application} was observed reading ${referential} in the last ${OBSERVED_DAYS} days but never declared it`,
      application: applications.get(application) ?? null,
      referential: referentialStub(referential),
    });
  }
  for (const usage of usages) {
    const application = usage.applicationCode;
    if (usage.mode !== UsageMode.READ || !active.has(application) || read.has(`${application}\n${usage.referentialCode}`)) continue;
    issues.push({
      kind: K.DECLARED_BUT_UNREAD,
      message: `${application} declared reading ${usage.referentialCode} but was not observed reading it in the last ${OBSERVED_DAYS} days`,
      application: applications.get(application) ?? null,
      referential: referentialStub(usage.referentialCode),
    });
  }
  return issues;
}
