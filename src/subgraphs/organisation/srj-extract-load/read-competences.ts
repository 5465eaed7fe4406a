import { basename } from 'node:path';
import { CsvFormatError, readCsv } from '../../../kernel/text/read-csv';
import { CourtType } from '../court/court-type.enum';
import { APPEAL_COURTS, FIRST_INSTANCE_COURTS, LABOUR_COURTS } from '../court/court-hierarchy';
import { courtPlaceKey, isCommercialChamberOfTj } from './court-name';
import type { CourtRecord } from './read-juridictions';

export interface CompetenceRecord {
  inseeCode: string;
  kind: CourtType;
  courtCode: string;
}

export interface UnmatchedName {
  kind: CourtType;
  sourceName: string;
  communeCount: number;
  sampleInseeCodes: string[];
  reason: string;
}

export interface CompetenceReading {
  competences: CompetenceRecord[];
  /** Commercial courts, absent from the ministry file, created from this one. */
  createdCourts: CourtRecord[];
  unmatched: UnmatchedName[];
}

// Order matters: each column is matched knowing the court found in the previous one (its expected parent).
const COLUMNS = [
  { column: 'cour_appel', kind: CourtType.COUR_APPEL, types: APPEAL_COURTS },
  { column: 'tribunal_judiciaire', kind: CourtType.TRIBUNAL_JUDICIAIRE, types: FIRST_INSTANCE_COURTS },
  { column: 'tribunal_proximite', kind: CourtType.TRIBUNAL_PROXIMITE, types: [CourtType.TRIBUNAL_PROXIMITE] },
  { column: 'conseil_prudhommes', kind: CourtType.CONSEIL_PRUDHOMMES, types: LABOUR_COURTS },
  { column: 'tribunal_commerce', kind: CourtType.TRIBUNAL_COMMERCE, types: [CourtType.TRIBUNAL_COMMERCE] },
] as const;

const SAMPLE_SIZE = 5;

/**
 * Reads communes-competences.csv, which names courts instead of coding them, and resolves every name to a court
 * by its place key (see `courtPlaceKey`). Names that match nothing are collected, with the communes they leave
 * uncovered, instead of being dropped.
 */
export async function readCompetences(path: string, courts: ReadonlyMap<string, CourtRecord>): Promise<CompetenceReading> {
  const byPlace = new Map<string, CourtRecord[]>();
  const index = (court: CourtRecord) => {
    const key = `${court.type}|${court.placeKey}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), court]);
  };
  courts.forEach(index);

  const createdCourts: CourtRecord[] = [];
  const unmatched = new Map<string, UnmatchedName>();
  const competences: CompetenceRecord[] = [];
  const caVotes = new Map<string, Map<string, number>>();

  const find = (types: readonly CourtType[], placeKey: string, expectedParent: string | undefined): CourtRecord[] => {
    const candidates = types.flatMap((type) => byPlace.get(`${type}|${placeKey}`) ?? []);
    if (candidates.length <= 1 || !expectedParent) return candidates;
    return candidates.filter((c) => c.parentCode === expectedParent);
  };

  const createCommercialCourt = (sourceName: string, placeKey: string): CourtRecord => {
    const court: CourtRecord = {
      code: `TC_${placeKey.replace(/ /g, '_')}`,
      type: CourtType.TRIBUNAL_COMMERCE,
      shortName: `TC ${placeKey}`,
      placeKey,
      parentCode: null,
      name: sourceName,
    };
    index(court);
    createdCourts.push(court);
    return court;
  };

  for await (const { line, values } of readCsv(path, ['insee', ...COLUMNS.map((c) => c.column)])) {
    const inseeCode = values.insee;
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(inseeCode)) {
      throw new CsvFormatError(`${basename(path)}:${line}: column insee: "${inseeCode}" is not an INSEE commune code`);
    }
    let found: Partial<Record<CourtType, CourtRecord>> = {};
    for (const { column, kind, types } of COLUMNS) {
      const sourceName = values[column];
      if (!sourceName) continue; // no court of this kind for the commune (e.g. no tribunal de proximité): not an error
      const placeKey = courtPlaceKey(sourceName);
      const expectedParent =
        kind === CourtType.TRIBUNAL_JUDICIAIRE
          ? found[CourtType.COUR_APPEL]?.code
          : kind === CourtType.COUR_APPEL || kind === CourtType.TRIBUNAL_COMMERCE
            ? undefined
            : found[CourtType.TRIBUNAL_JUDICIAIRE]?.code;
      let candidates = isCommercialChamberOfTj(sourceName) ? find([CourtType.TRIBUNAL_JUDICIAIRE], placeKey, undefined) : find(types, placeKey, expectedParent);
      if (candidates.length === 0 && kind === CourtType.TRIBUNAL_COMMERCE && !isCommercialChamberOfTj(sourceName)) {
        candidates = [createCommercialCourt(sourceName, placeKey)];
      }
      if (candidates.length !== 1) {
        const key = `${kind}|${sourceName}`;
        const issue = unmatched.get(key) ?? {
          kind,
          sourceName,
          communeCount: 0,
          sampleInseeCodes: [],
          reason:
            candidates.length === 0
              ? `no ${types.join(' or ')} named "${placeKey}" in the court hierarchy (juridictions.csv)`
              : `"${placeKey}" names ${candidates.length} courts (${candidates.map((c) => c.code).join(', ')}) and the commune's other courts do not tell them apart`,
        };
        issue.communeCount += 1;
        if (issue.sampleInseeCodes.length < SAMPLE_SIZE) issue.sampleInseeCodes.push(inseeCode);
        unmatched.set(key, issue);
        continue;
      }
      const court = candidates[0];
      found = { ...found, [kind]: court };
      if (court.name === undefined && !isCommercialChamberOfTj(sourceName)) court.name = sourceName;
      competences.push({ inseeCode, kind, courtCode: court.code });
      if (court.type === CourtType.TRIBUNAL_COMMERCE && found[CourtType.COUR_APPEL]) {
        const votes = caVotes.get(court.code) ?? new Map<string, number>();
        const ca = found[CourtType.COUR_APPEL].code;
        votes.set(ca, (votes.get(ca) ?? 0) + 1);
        caVotes.set(court.code, votes);
      }
    }
  }
  // A commercial court's cour d'appel is the one most of its communes appeal to.
  for (const court of createdCourts) {
    const votes = [...(caVotes.get(court.code) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    court.parentCode = votes[0]?.[0] ?? null;
  }
  return { competences, createdCourts, unmatched: [...unmatched.values()] };
}
