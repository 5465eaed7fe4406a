import type { EntityManager } from '@mikro-orm/postgresql';
import { invalid, referentialNotFound, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { publishedReleases } from '../release/published-releases';

export interface EntryVersionJson {
  code: string;
  label: string;
  parentCode: string | null;
  level: number;
  attributes: Record<string, unknown>;
  validFrom: string | null;
  validTo: string | null;
  recordedIn: number;
  supersededIn: number | null;
}

export interface LinkedEntryJson {
  referential: string;
  code: string;
  label: string | null;
}

export interface EntryAnswer {
  referential: string;
  code: string;
  /** The day asked (today when none was), or `*` for the whole history. */
  date: string;
  release: number;
  entry?: EntryVersionJson;
  versions?: EntryVersionJson[];
  predecessors: LinkedEntryJson[];
  successors: LinkedEntryJson[];
}

const VERSION_COLUMNS = `code, label, parent_code as "parentCode", level, attributes, to_char(valid_from, 'YYYY-MM-DD') as "validFrom",
  to_char(valid_to, 'YYYY-MM-DD') as "validTo", recorded_in as "recordedIn", superseded_in as "supersededIn"`;

/** The latest published release of a referential, from inside SQL (mappings are recorded in their source's releases). */
const PUBLISHED_OF = (alias: string) => `(select max(number) from referential_release r where r.referential_code = ${alias} and r.status <> 'DRAFT')`;

const LINK_LABEL = (
  referential: string,
  code: string,
) => `(select x.label from referential_entry x where x.referential_code = ${referential} and x.code = ${code}
  and x.recorded_in <= ${PUBLISHED_OF(referential)} order by x.recorded_in desc limit 1)`;

export const isDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * One entry of the latest published release for plain HTTP consumers (INSEE-like): in force on a day, or its whole
 * history (`*`), with its predecessors and successors from REPLACED_BY mappings. Published releases only: drafts
 * are never read here.
 */
export class EntryApiService {
  constructor(private readonly em: EntityManager) {}

  async read(referentialCode: string, code: string, date: string): Promise<EntryAnswer> {
    if (date !== '*' && !isDay(date))
      throw invalid(`date must be a day (YYYY-MM-DD) or * for the whole history, not ${JSON.stringify(date.slice(0, 20))}`, 'date');
    const published = await publishedReleases(this.em);
    if (!published.has(referentialCode)) throw referentialNotFound(referentialCode);
    const release = published.get(referentialCode);
    if (release === null || release === undefined)
      throw new ReferentialsException(`${referentialCode} has no published release`, Code.RELEASE_NOT_FOUND, 'referential');
    const base = { referential: referentialCode, code, date, release };
    if (date === '*') {
      const versions = await this.em.execute<EntryVersionJson[]>(
        `select ${VERSION_COLUMNS} from referential_entry where referential_code = ? and code = ? and recorded_in <= ? order by recorded_in`,
        [referentialCode, code, release],
      );
      if (versions.length === 0) throw new ReferentialsException(`${referentialCode} has no entry ${code}`, Code.ENTRY_NOT_FOUND, 'entry');
      return { ...base, versions, ...(await this.links(referentialCode, code, release)) };
    }
    const [entry] = await this.em.execute<EntryVersionJson[]>(
      `select ${VERSION_COLUMNS} from referential_entry where referential_code = ? and code = ? and recorded_in <= ? and (superseded_in is null or superseded_in > ?)
       and (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to > ?)`,
      [referentialCode, code, release, release, date, date],
    );
    if (!entry) throw new ReferentialsException(`${referentialCode} has no entry ${code} in force on ${date}`, Code.ENTRY_NOT_FOUND, 'entry');
    return { ...base, entry, ...(await this.links(referentialCode, code, release)) };
  }

  /** Predecessors: entries REPLACED_BY this one (in their own published releases); successors: what it is REPLACED_BY. */
  private async links(referentialCode: string, code: string, release: number): Promise<Pick<EntryAnswer, 'predecessors' | 'successors'>> {
    const [predecessors, successors] = await Promise.all([
      this.em.execute<LinkedEntryJson[]>(
        `select distinct m.from_referential as referential, m.from_code as code, ${LINK_LABEL('m.from_referential', 'm.from_code')} as label from entry_mapping m
         where m.kind = 'REPLACED_BY' and m.to_referential = ? and m.to_code = ? and m.recorded_in <= ${PUBLISHED_OF('m.from_referential')} order by 1, 2`,
        [referentialCode, code],
      ),
      this.em.execute<LinkedEntryJson[]>(
        `select distinct m.to_referential as referential, m.to_code as code, ${LINK_LABEL('m.to_referential', 'm.to_code')} as label from entry_mapping m
         where m.kind = 'REPLACED_BY' and m.from_referential = ? and m.from_code = ? and m.recorded_in <= ? order by 1, 2`,
        [referentialCode, code, release],
      ),
    ]);
    return { predecessors, successors };
  }
}
