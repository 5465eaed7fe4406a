import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationDomain, LifecycleStatus } from '../../src/subgraphs/catalog/application/application-enums';
import { Application } from '../../src/subgraphs/catalog/application/application.entity';
import { DeploymentStatus } from '../../src/subgraphs/catalog/deployment/deployment-status.enum';
import { Deployment } from '../../src/subgraphs/catalog/deployment/deployment.entity';
import { ReferentialUsage } from '../../src/subgraphs/catalog/referential-usage/referential-usage.entity';
import { UsageMode } from '../../src/subgraphs/catalog/referential-usage/usage-mode.enum';

let sequence = 0;

/** An application in production with sensible defaults; pass only what the test is about. Not flushed. */
export function anApplication(
  em: EntityManager,
  overrides: Partial<Pick<Application, 'code' | 'name' | 'domain' | 'ownerBureau' | 'lifecycleStatus'>> = {},
): Application {
  sequence += 1;
  return em.create(Application, {
    code: overrides.code ?? `APP${sequence}`,
    name: overrides.name ?? `Application ${sequence}`,
    domain: overrides.domain ?? ApplicationDomain.PENAL,
    ownerBureau: overrides.ownerBureau ?? 'DSJ/SDOJI',
    lifecycleStatus: overrides.lifecycleStatus ?? LifecycleStatus.PRODUCTION,
    urbanisationZone: 'Chaîne pénale',
  });
}

export function aDeployment(em: EntityManager, application: Application, courtCode: string, status = DeploymentStatus.DEPLOYED): Deployment {
  return em.create(Deployment, { application, courtCode, status });
}

export function aUsage(
  em: EntityManager,
  application: Application,
  referentialCode: string,
  overrides: Partial<Pick<ReferentialUsage, 'pinnedRelease' | 'mode' | 'legalTexts'>> = {},
): ReferentialUsage {
  return em.create(ReferentialUsage, {
    application,
    referentialCode,
    mode: overrides.mode ?? UsageMode.READ,
    pinnedRelease: overrides.pinnedRelease ?? null,
    legalTexts: overrides.legalTexts ?? [],
  });
}
