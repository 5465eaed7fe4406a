import { basename } from 'node:path';
import { CsvFormatError, readCsv } from '../../../kernel/text/read-csv';
import { CourtType } from '../court/court-type.enum';
import { courtPlaceKey } from './court-name';

export interface CourtRecord {
  code: string;
  type: CourtType;
  shortName: string;
  placeKey: string;
  parentCode: string | null;
  /** Full name, when the competence file gives one. */
  name?: string;
}

const COLUMNS = ['type', 'code_ca', 'ca', 'code_tj', 'tj', 'code_tprx_cph', 'tprx_cph'] as const;

/** Reads the ministry's court hierarchy (juridictions.csv): one row per court, its ancestors repeated on the row. */
export async function readJuridictions(path: string): Promise<Map<string, CourtRecord>> {
  const courts = new Map<string, CourtRecord>();
  const add = (line: number, code: string, type: CourtType, shortName: string, parentCode: string | null, field: string) => {
    if (!/^\d+$/.test(code)) throw new CsvFormatError(`${basename(path)}:${line}: column ${field}: "${code}" is not a court code`);
    if (!shortName) throw new CsvFormatError(`${basename(path)}:${line}: the name of court ${code} is empty`);
    if (!courts.has(code)) courts.set(code, { code, type, shortName, placeKey: courtPlaceKey(shortName), parentCode });
  };
  for await (const { line, values: v } of readCsv(path, COLUMNS)) {
    add(line, v.code_ca, CourtType.COUR_APPEL, v.ca, null, 'code_ca');
    if (v.type === 'CA') continue;
    const tjType = v.tj.startsWith('TPI ') ? CourtType.TRIBUNAL_PREMIERE_INSTANCE : CourtType.TRIBUNAL_JUDICIAIRE;
    add(line, v.code_tj, tjType, v.tj, v.code_ca, 'code_tj');
    if (v.type === 'TGI') continue;
    const type = { TPRX: CourtType.TRIBUNAL_PROXIMITE, CPH: CourtType.CONSEIL_PRUDHOMMES }[v.type];
    if (!type) throw new CsvFormatError(`${basename(path)}:${line}: column type: unknown court type "${v.type}"`);
    add(line, v.code_tprx_cph, type, v.tprx_cph, v.code_tj, 'code_tprx_cph');
  }
  return courts;
}
