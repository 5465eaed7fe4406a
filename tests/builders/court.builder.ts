import type { EntityManager } from '@mikro-orm/postgresql';
import { CourtSite } from '../../src/subgraphs/organisation/court-site/court-site.entity';
import { CourtType } from '../../src/subgraphs/organisation/court/court-type.enum';
import { Court } from '../../src/subgraphs/organisation/court/court.entity';
import { TerritorialCompetence } from '../../src/subgraphs/organisation/competence/territorial-competence.entity';
import { fold } from '../../src/kernel/text/fold';

let sequence = 0;

/** A court with sensible defaults; pass only what the test is about. Not flushed. */
export function aCourt(
  em: EntityManager,
  overrides: Partial<Pick<Court, 'code' | 'type' | 'name' | 'validFrom' | 'validTo'>> & { parent?: Court } = {},
): Court {
  sequence += 1;
  const name = overrides.name ?? `Tribunal judiciaire de Testville ${sequence}`;
  return em.create(Court, {
    code: overrides.code ?? `T${String(sequence).padStart(6, '0')}`,
    type: overrides.type ?? CourtType.TRIBUNAL_JUDICIAIRE,
    name,
    shortName: fold(name).slice(0, 60),
    searchName: fold(name),
    parent: overrides.parent ?? null,
    validFrom: overrides.validFrom ?? null,
    validTo: overrides.validTo ?? null,
  });
}

export function aSite(em: EntityManager, court: Court, overrides: Partial<Pick<CourtSite, 'label' | 'inseeCode' | 'main'>> = {}): CourtSite {
  return em.create(CourtSite, {
    court,
    label: overrides.label ?? 'Palais de justice',
    address: '1 place du Palais',
    postalCode: '01000',
    city: 'Testville',
    inseeCode: overrides.inseeCode ?? '01053',
    main: overrides.main ?? true,
  });
}

export function aCompetence(
  em: EntityManager,
  inseeCode: string,
  court: Court,
  overrides: Partial<Pick<TerritorialCompetence, 'kind' | 'validFrom' | 'validTo'>> = {},
): TerritorialCompetence {
  return em.create(TerritorialCompetence, {
    inseeCode,
    kind: overrides.kind ?? court.type,
    court,
    validFrom: overrides.validFrom ?? null,
    validTo: overrides.validTo ?? null,
  });
}
