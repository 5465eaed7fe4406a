import type { EntityManager } from '@mikro-orm/postgresql';
import { escapeLike } from '../../kernel/text/fold';
import { citationCondition } from './legal-reference/offences-citing.service';
import { legalTextOf } from './legal-reference/legal-text-query';
import type { ReleaseStatus } from './release/release-status.enum';
import { readRows } from '../../kernel/database/read-rows';

interface ReleasesOf {
  code: string;
  releases: { number: number; status: ReleaseStatus }[];
}

/** Citing entries named in an impact path; the count gives the rest. */
const CITING_SAMPLE = 20;

/**
 * What other subgraphs may read of the referentials (the catalog's coherence report and impact of a legal text), from
 * this subgraph's tables: they share one database today; when they split, this adapter becomes a call to this subgraph.
 */
export const referentialDirectory = {
  async list(em: EntityManager): Promise<ReleasesOf[]> {
    const rows = await readRows<{ code: string; number: number | null; status: ReleaseStatus | null }>(
      em,
      `select f.code, r.number, r.status from referential f left join referential_release r on r.referential_code = f.code order by f.code, r.number`,
    );
    const byCode = new Map<string, ReleasesOf>();
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
  async citing(em: EntityManager, legalText: string): Promise<{ referentialCode: string; entryCodes?: string[]; entryCount?: number }[]> {
    const text = legalText.trim();
    if (!text) return [];
    const structured = legalTextOf(text);
    if (structured) {
      const cited = citationCondition(structured);
      const rows = await readRows<{ referential_code: string; codes: string[]; n: string }>(
        em,
        `select e.referential_code, (array_agg(distinct e.code order by e.code))[1:${CITING_SAMPLE}] as codes, count(distinct e.code) as n
         from legal_reference l join referential_entry e on e.id = l.entry_id
         join (select referential_code, max(number) as n from referential_release where status = 'PUBLISHED' group by 1) p on p.referential_code = e.referential_code
         where e.recorded_in <= p.n and (e.superseded_in is null or e.superseded_in > p.n) and ${cited.sql}
         group by e.referential_code order by 1`,
        cited.params,
      );
      if (rows.length) return rows.map((r) => ({ referentialCode: r.referential_code, entryCodes: r.codes, entryCount: Number(r.n) }));
    }
    const rows = await readRows<{ referential_code: string }>(
      em,
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
