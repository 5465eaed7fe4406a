import type { EntityManager } from '@mikro-orm/postgresql';
import type { CourtType } from '../court/court-type.enum';
import type { CourtNode } from '../court/court.entity';
import { CourtRepository, courtColumns, courtIn } from '../court/court.repository';
import { readRows } from '../../../kernel/database/read-rows';

/** One period of a commune's competence: the kind sought, the competent court, when. */
export interface CompetenceRow {
  kind: CourtType;
  validFrom: string | null;
  validTo: string | null;
  court: CourtNode;
}

/**
 * Every competence period of a commune, with its court and that court's parent in the same statement (a competent
 * court is shown with its parent); the courts stay in the request's court loader.
 */
export async function competencesOf(em: EntityManager, inseeCode: string): Promise<CompetenceRow[]> {
  const rows = await readRows<Record<string, unknown>>(
    em,
    `select t.kind, t.valid_from as "validFrom", t.valid_to as "validTo", ${courtColumns('c')}, ${courtColumns('p', 'parent.')}
     from territorial_competence t join court c on c.code = t.court_code left join court p on p.code = c.parent_code
     where t.insee_code = ?`,
    [inseeCode],
  );
  const courts: CourtNode[] = [];
  const competences = rows.map((row) => {
    const court = courtIn(row, '') as CourtNode;
    const parent = courtIn(row, 'parent.');
    courts.push(court);
    if (parent) courts.push(parent);
    return { kind: row.kind as CourtType, validFrom: row.validFrom as string | null, validTo: row.validTo as string | null, court };
  });
  new CourtRepository(em).remember(courts);
  return competences;
}
