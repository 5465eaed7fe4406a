import type { EntityManager } from '@mikro-orm/postgresql';
import { requestLoader } from '../../../kernel/graphql/request-loader';
import type { Referential } from './referential.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** A referential as reads return it: its GraphQL fields, without an ORM entity behind it. */
export type ReferentialRow = Pick<
  Referential,
  'code' | 'name' | 'domain' | 'description' | 'ownerBureau' | 'levels' | 'attributeDefinitions' | 'requiresApproval'
>;

const SELECT = `select r.code, r.name, r.domain, r.description, r.owner_bureau as "ownerBureau", r.levels, r.attribute_definitions as "attributeDefinitions",
  r.requires_approval as "requiresApproval" from referential r`;

/** Every referential, by code. */
export const allReferentials = (em: EntityManager): Promise<ReferentialRow[]> => readRows<ReferentialRow>(em, `${SELECT} order by r.code`);

/** Referentials by code (null when none has it), batched per request: entries' `referential`, federation references. */
export const referentialByCode = (em: EntityManager) =>
  requestLoader<string, ReferentialRow | null>(em, 'referentialByCode', async (codes) => {
    const rows = new Map((await readRows<ReferentialRow>(em, `${SELECT} where r.code in (?)`, [codes])).map((r) => [r.code, r]));
    return codes.map((code) => rows.get(code) ?? null);
  });
