import type { EntityManager } from '@mikro-orm/postgresql';
import { Application } from '../subgraphs/catalog/application/application.entity';
import type { ApplicationDomain, LifecycleStatus } from '../subgraphs/catalog/application/application-enums';
import type { ContactRole } from '../subgraphs/catalog/contact/contact-role.enum';
import { CourtContact } from '../subgraphs/catalog/contact/court-contact.entity';
import { applications, contacts, exchanges, plineNppSchema } from '../subgraphs/catalog/demo-data/illustrative-landscape';
import type { DeploymentStatus } from '../subgraphs/catalog/deployment/deployment-status.enum';
import { Deployment } from '../subgraphs/catalog/deployment/deployment.entity';
import { findCourts } from '../subgraphs/catalog/federation/court-directory';
import { ReferentialUsage } from '../subgraphs/catalog/referential-usage/referential-usage.entity';
import type { UsageMode } from '../subgraphs/catalog/referential-usage/usage-mode.enum';
import { ApplicationRelease } from '../subgraphs/catalog/application-release/application-release.entity';
import { RoadmapItem } from '../subgraphs/catalog/application-release/roadmap-item.entity';
import { ExchangeParty } from '../subgraphs/exchanges/exchange/exchange-party.entity';
import { ExchangeReferential } from '../subgraphs/exchanges/exchange/exchange-referential.entity';
import {
  PartyRole,
  type ExchangeStatus,
  type ExternalPartner,
  type MessageFormat,
  type SignatureLevel,
  type Transport,
} from '../subgraphs/exchanges/exchange/exchange-enums';
import { Exchange } from '../subgraphs/exchanges/exchange/exchange.entity';
import { SchemaLanguage, SchemaStatus } from '../subgraphs/exchanges/schema-version/schema-enums';
import { SchemaVersion } from '../subgraphs/exchanges/schema-version/schema-version.entity';

/** Loads the illustrative IS map in one transaction; deployments and contacts at courts missing from this database are skipped. */
export async function loadLandscape(em: EntityManager): Promise<{ applications: number; exchanges: number }> {
  await em.transactional(async (tx) => {
    const courts = await findCourts(tx, [...applications.flatMap((a) => (a.deployments ?? []).map((d) => d.courtCode)), ...contacts.map((c) => c.courtCode)]);
    for (const a of applications) {
      const application = tx.create(Application, {
        code: a.code,
        name: a.name,
        description: a.description,
        domain: a.domain as ApplicationDomain,
        ownerBureau: a.ownerBureau,
        lifecycleStatus: a.lifecycleStatus as LifecycleStatus,
        urbanisationZone: a.urbanisationZone,
        illustrative: true,
      });
      for (const r of a.releases ?? [])
        tx.create(ApplicationRelease, { application, version: r.version, releasedOn: r.releasedOn, notes: r.notes ?? '', features: r.features ?? [] });
      for (const r of a.roadmap ?? []) {
        tx.create(RoadmapItem, {
          application,
          title: r.title,
          targetDate: r.targetDate,
          referentialCode: r.referentialCode ?? null,
          referentialRelease: r.referentialRelease ?? null,
          legalTexts: r.legalTexts ?? [],
        });
      }
      for (const u of a.usages ?? []) {
        tx.create(ReferentialUsage, {
          application,
          referentialCode: u.referentialCode,
          mode: u.mode as UsageMode,
          pinnedRelease: u.pinnedRelease ?? null,
          legalTexts: u.legalTexts ?? [],
        });
      }
      for (const d of (a.deployments ?? []).filter((x) => courts.has(x.courtCode))) {
        tx.create(Deployment, {
          application,
          courtCode: d.courtCode,
          status: d.status as DeploymentStatus,
          wave: d.wave ?? null,
          deployedOn: d.deployedOn ?? null,
        });
      }
    }
    for (const c of contacts.filter((x) => courts.has(x.courtCode))) {
      tx.create(CourtContact, {
        courtCode: c.courtCode,
        role: c.role as ContactRole,
        name: c.name,
        email: c.email,
        applicationCode: 'applicationCode' in c ? c.applicationCode : null,
      });
    }
    for (const e of exchanges) {
      const exchange = tx.create(Exchange, {
        code: e.code,
        name: e.name,
        messageTypes: e.messageTypes,
        format: e.format as MessageFormat,
        transport: e.transport as Transport,
        signatureLevel: e.signatureLevel as SignatureLevel,
        retentionPeriod: e.retentionPeriod ?? null,
        retentionLegalBasis: e.retentionLegalBasis ?? null,
        status: e.status as ExchangeStatus,
        legalTexts: e.legalTexts ?? [],
        illustrative: true,
      });
      for (const [role, party] of [[PartyRole.PRODUCER, e.producer] as const, ...e.consumers.map((c) => [PartyRole.CONSUMER, c] as const)]) {
        tx.create(
          ExchangeParty,
          'app' in party
            ? { exchange, role, applicationCode: party.app }
            : { exchange, role, partner: party.partner as ExternalPartner, partnerName: party.name ?? null },
        );
      }
      for (const referentialCode of e.referentialCodes) tx.create(ExchangeReferential, { exchange, referentialCode });
      if (e.code === 'PLINE_NPP') {
        tx.create(SchemaVersion, {
          exchange,
          version: '1.0',
          language: SchemaLanguage.JSON_SCHEMA,
          status: SchemaStatus.PUBLISHED,
          content: JSON.stringify(plineNppSchema, null, 2),
          publishedOn: '2025-01-15',
        });
      }
    }
  });
  return { applications: applications.length, exchanges: exchanges.length };
}
