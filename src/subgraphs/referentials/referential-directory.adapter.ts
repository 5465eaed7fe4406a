import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferentialCitation, ReferentialDirectory, ReferentialState } from '../catalog/federation/referential-directory';
import { citationCondition } from './legal-reference/offences-citing.service';
import { legalTextOf } from './legal-reference/legal-text-query';

/** Citing entries named in an impact path; the count gives the rest. */
const CITING_SAMPLE = 20;
import { escapeLike } from '../../kernel/text/fold';

/**
 * The catalog's view of the referentials (coherence report, impact of a legal text), read from this subgraph's
 * tables: both live in one database today; when they split, this adapter becomes a call to this subgraph.
 */
export const referentialDirectory: ReferentialDirectory = {
  async list(em: EntityManager): Promise<ReferentialState[]> {
    const rows = await em.execute<{ code: string; number: number | null; status: ReferentialState['releases'][number]['status'] | null }[]>(
      `select f.code, r.number, r.status from referential f left join referential_release r on r.referential_code = f.code order by f.code, r.number`,
    );
    const byCode = new Map<string, ReferentialState>();
    for (const row of rows) {
      const state = byCode.get(row.code) ?? { code: row.code, releases: [] };
      if (row.number !== null && row.status) state.releases.push({ number: Number(row.number), status: row.status });
      byCode.set(row.code, state);
    }
    return [...byCode.values()];
  },

  /**
   * Referentials whose entries in their latest published release cite the text (drafts are their stewards' alone).
   * A text that reads as a reference ("ART.L.234-1 C.ROUTE.", "Code de la route, art. L.234-1", "C.P.P.") is matched on the parsed references (any mnemonic of the code),
   * with the entries citing it; anything else is compared with the references as written.
   */
  async citing(em: EntityManager, legalText: string): Promise<ReferentialCitation[]> {
    const text = legalText.trim();
    if (!text) return [];
    const structured = legalTextOf(text);
    if (structured) {
      const cited = citationCondition(structured);
      const rows = await em.execute<{ referential_code: string; codes: string[]; n: string }[]>(
        `select e.referential_code, (array_agg(distinct e.code order by e.code))[1:${CITING_SAMPLE}] as codes, count(distinct e.code) as n
         from legal_reference l join referential_entry e on e.id = l.entry_id
         join (select referential_code, max(number) as n from referential_release where status = 'PUBLISHED' group by 1) p on p.referential_code = e.referential_code
         where e.recorded_in <= p.n and (e.superseded_in is null or e.superseded_in > p.n) and ${cited.sql}
         group by e.referential_code order by 1`, cited.params);
      if (rows.length) return rows.map((r) => ({ referentialCode: r.referential_code, entryCodes: r.codes, entryCount: Number(r.n) }));
    }
    const rows = await em.execute<{ referential_code: string }[]>(
      `select distinct e.referential_code from legal_reference l join referential_entry e on e.id = l.entry_id
       join (select referential_code, max(number) as n from referential_release where status = 'PUBLISHED' group by 1) p on p.referential_code = e.referential_code
       where e.recorded_in <= p.n and (e.superseded_in is null or e.superseded_in > p.n)
         and ((char_length(l.raw) >= ? and l.raw ilike ?) or l.text ilike ? or l.code_mnemonic ilike ?) order by 1`,
      // A reference shorter than the text cannot contain it: the costly substring match is skipped for those rows.
      [text.length, `%${escapeLike(text)}%`, escapeLike(text), escapeLike(text)],
    );
    return rows.map((r) => ({ referentialCode: r.referential_code }));
  },
};
