import type { ReferenceResolver } from '../../../kernel/federation/build-federated-schema';
import { selectsOnly } from '../../../kernel/graphql/selected-fields';
import { publishedReleases } from '../release/published-releases';
import { referentialByCode, type ReferentialRow } from './referential.repository';

/** The fields a `Referential` resolves from its code alone (its relations), not from its row. */
const FROM_CODE = new Set(['code', 'entries', 'releases', 'latestRelease', 'upcomingReleases', 'draft']);

/**
 * Catalog and exchanges hold `Referential { code }` stubs; resolved here, batched per request. A fetch that asks only
 * for its relations (a walk ending on its entries) needs no row: whether it exists is in the published releases,
 * which its entries read anyway.
 */
export const resolveReferentialReference: ReferenceResolver<ReferentialRow> = async (reference, { em }, info) => {
  const code = String(reference.code);
  if (!selectsOnly(info, FROM_CODE)) return referentialByCode(em).load(code);
  return (await publishedReleases(em)).has(code) ? ({ code } as ReferentialRow) : null;
};
