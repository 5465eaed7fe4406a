import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../../../kernel/graphql/scalars';
import { LifecycleStatus } from '../application/application-enums';
import type { ApplicationNode } from '../application/application.entity';
import { ApplicationRepository } from '../application/application.repository';
import type { CatalogPorts } from '../catalog.ports';
import { everyContact } from '../contact/court-contact.repository';
import { DeploymentStatus } from '../deployment/deployment-status.enum';
import { everyDeployment } from '../deployment/deployment.repository';
import { findCourts } from '../federation/court-directory';
import { courtStub } from '../federation/court.stub';
import { exchangeStub } from '../federation/exchange.stub';
import type { ExchangeLinks } from '../federation/exchange-directory';
import { referentialStub } from '../federation/referential.stub';
import type { ReferentialUsageNode } from '../referential-usage/referential-usage.entity';
import { everyUsage } from '../referential-usage/referential-usage.repository';
import { CoherenceIssueKind as K, type CoherenceIssue, type CoherenceReport } from './coherence.types';
import { observedUsageIssues } from './observed-usage-issues';

const REFERENTIAL_CHECKS =
  'referential codes that match no referential, applications pinned to retired releases, referentials nobody consumes: pending on the referentials subgraph';

export class CoherenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly ports: CatalogPorts,
  ) {}

  /** Reads the whole map in a fixed number of queries, as rows (it only reads them), then checks it in memory. */
  async report(on: string = today()): Promise<CoherenceReport> {
    const applications = new Map((await new ApplicationRepository(this.em).all()).map((a) => [a.code, a]));
    const deployments = await everyDeployment(this.em);
    const contacts = await everyContact(this.em);
    const usages = await everyUsage(this.em);
    const links = await this.ports.exchanges.links(this.em);
    const courts = await findCourts(this.em, [...deployments.map((d) => d.courtCode), ...contacts.map((c) => c.courtCode)]);
    const issues: CoherenceIssue[] = [];
    const app = (code: string) => applications.get(code) ?? null;

    for (const d of deployments) {
      const where = `${d.applicationCode} at court ${d.courtCode}`;
      const court = courts.get(d.courtCode);
      if (!court)
        issues.push({
          kind: K.UNKNOWN_COURT,
          message: `deployment of ${where}: no such court`,
          application: app(d.applicationCode),
          court: courtStub(d.courtCode),
        });
      else if (d.status !== DeploymentStatus.WITHDRAWN && court.validTo && court.validTo <= on) {
        issues.push({
          kind: K.CLOSED_COURT,
          message: `deployment of ${where} (${d.status}): the court closed on ${court.validTo}`,
          application: app(d.applicationCode),
          court: courtStub(d.courtCode),
        });
      }
      if (d.status !== DeploymentStatus.WITHDRAWN && app(d.applicationCode)?.lifecycleStatus === LifecycleStatus.RETIRED) {
        issues.push({
          kind: K.RETIRED_APPLICATION_DEPLOYED,
          message: `${where} is still ${d.status} although the application is retired`,
          application: app(d.applicationCode),
          court: courtStub(d.courtCode),
        });
      }
    }
    for (const c of contacts) {
      if (!courts.has(c.courtCode))
        issues.push({ kind: K.UNKNOWN_COURT, message: `contact ${c.name} (${c.role}) at court ${c.courtCode}: no such court`, court: courtStub(c.courtCode) });
      if (c.applicationCode && !applications.has(c.applicationCode)) {
        issues.push({
          kind: K.UNKNOWN_APPLICATION,
          message: `contact ${c.name} is correspondent for ${c.applicationCode}, which the catalog does not know`,
          court: courtStub(c.courtCode),
        });
      }
    }
    issues.push(...this.exchangeIssues(links, applications));
    issues.push(...(await observedUsageIssues(this.em, usages, applications)));
    const pendingChecks = await this.referentialIssues(usages, links, applications, issues);
    return { checkedOn: on, issues, pendingChecks };
  }

  private exchangeIssues(links: ExchangeLinks[], applications: Map<string, ApplicationNode>): CoherenceIssue[] {
    const issues: CoherenceIssue[] = [];
    for (const link of links) {
      const sides: [string[], K, string][] = [
        [link.producers, K.RETIRED_PRODUCER, 'producer'],
        [link.consumers, K.RETIRED_CONSUMER, 'consumer'],
      ];
      for (const [codes, kind, side] of sides) {
        for (const code of codes) {
          const application = applications.get(code);
          if (!application)
            issues.push({
              kind: K.UNKNOWN_APPLICATION,
              message: `exchange ${link.code} names ${side} ${code}, which the catalog does not know`,
              exchange: exchangeStub(link.code),
            });
          else if (application.lifecycleStatus === LifecycleStatus.RETIRED && link.status !== 'RETIRED') {
            issues.push({
              kind,
              message: `exchange ${link.code} (${link.status}) has retired ${side} ${code}`,
              exchange: exchangeStub(link.code),
              application,
            });
          }
        }
      }
    }
    return issues;
  }

  /** Returns the checks that could not run. */
  private async referentialIssues(
    usages: ReferentialUsageNode[],
    links: ExchangeLinks[],
    applications: Map<string, ApplicationNode>,
    issues: CoherenceIssue[],
  ): Promise<string[]> {
    const referentials = await this.ports.referentials.list(this.em);
    if (!referentials) return [REFERENTIAL_CHECKS];
    const byCode = new Map(referentials.map((r) => [r.code, r]));
    const used = new Set([...usages.map((u) => u.referentialCode), ...links.flatMap((l) => l.referentialCodes)]);
    for (const u of usages) {
      const referential = byCode.get(u.referentialCode);
      const about = { application: applications.get(u.applicationCode) ?? null, referential: referentialStub(u.referentialCode) };
      if (!referential) {
        issues.push({ kind: K.UNKNOWN_REFERENTIAL, message: `${u.applicationCode} uses ${u.referentialCode}, which does not exist`, ...about });
        continue;
      }
      if (u.pinnedRelease == null) continue;
      const release = referential.releases.find((r) => r.number === u.pinnedRelease);
      if (!release)
        issues.push({
          kind: K.PINNED_TO_UNKNOWN_RELEASE,
          message: `${u.applicationCode} is pinned to release ${u.pinnedRelease} of ${u.referentialCode}, which has no such release`,
          ...about,
        });
      else if (release.status === 'RETIRED')
        issues.push({
          kind: K.PINNED_TO_RETIRED_RELEASE,
          message: `${u.applicationCode} is pinned to release ${u.pinnedRelease} of ${u.referentialCode}, which is retired`,
          ...about,
        });
    }
    for (const link of links) {
      for (const code of link.referentialCodes.filter((c) => !byCode.has(c))) {
        issues.push({
          kind: K.UNKNOWN_REFERENTIAL,
          message: `exchange ${link.code} carries codes of ${code}, which does not exist`,
          exchange: exchangeStub(link.code),
          referential: referentialStub(code),
        });
      }
    }
    for (const r of referentials.filter((x) => !used.has(x.code))) {
      issues.push({
        kind: K.UNCONSUMED_REFERENTIAL,
        message: `no application uses ${r.code} and no exchange carries it`,
        referential: referentialStub(r.code),
      });
    }
    return [];
  }
}
