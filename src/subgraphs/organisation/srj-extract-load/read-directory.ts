import { readFile } from 'node:fs/promises';
import { CourtType } from '../court/court-type.enum';
import { APPEAL_COURTS, FIRST_INSTANCE_COURTS, LABOUR_COURTS } from '../court/court-hierarchy';
import type { OpeningHours } from '../court-site/opening-hours.type';
import { courtPlaceKey } from './court-name';
import type { UnmatchedName } from './read-competences';
import type { CourtRecord } from './read-juridictions';

export interface SiteRow {
  courtCode: string;
  label: string;
  address: string | null;
  postalCode: string | null;
  city: string;
  inseeCode: string;
  phones: string[];
  emails: string[];
  website: string | null;
  openingHours: OpeningHours[];
  directoryUrl: string | null;
  directoryUpdatedOn: string | null;
}

export interface DirectoryReading {
  sites: SiteRow[];
  /** Rows matching no court, or several: kept as issues, never dropped. */
  unmatched: UnmatchedName[];
  /** Administrative courts (ta, caa): not judicial, so not SRJ courts. */
  skippedAdministrative: number;
}

// The directory's types → the SRJ types a row may match (overseas TPI and tribunaux du travail included).
const TYPES: Record<string, readonly CourtType[]> = {
  ca: APPEAL_COURTS,
  tj: FIRST_INSTANCE_COURTS,
  tprx: [CourtType.TRIBUNAL_PROXIMITE],
  cph: LABOUR_COURTS,
  commerce: [CourtType.TRIBUNAL_COMMERCE],
};
const ADMINISTRATIVE = new Set(['ta', 'caa']);

/** "6600" → "06600": the directory lost the leading zero of some postcodes. */
const postcode = (text: string): string | null => (/^\d{4,5}$/.test(text.trim()) ? text.trim().padStart(5, '0') : null);

/** "Place Armand Fallieres – 47000 AGEN" → "Place Armand Fallieres"; only "postcode commune" → null. */
function street(address: string): string | null {
  const part = address.split(' – ')[0].trim();
  return !part || /^\d{4,5}\s/.test(part) ? null : part;
}

/** "Lundi – Jeudi: 07:30–12:00 et 13:30–16:00 (note) | Vendredi: 07:30–12:00" → structured; "00:00–00:00" has no slot. */
export function parseOpeningHours(text: string): OpeningHours[] {
  return text
    .split(' | ')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const noteMatch = /\((.*)\)\s*$/.exec(part);
      const body = noteMatch ? part.slice(0, noteMatch.index).trim() : part;
      const colon = body.indexOf(':');
      const days = colon > 0 && !/^\d/.test(body) ? body.slice(0, colon).trim() : '';
      const slots = [...body.matchAll(/(\d{2}:\d{2})\s*[–-]\s*(\d{2}:\d{2})/g)]
        .map(([, opens, closes]) => ({ opens, closes }))
        .filter((s) => !(s.opens === '00:00' && s.closes === '00:00'));
      return { days, slots, note: noteMatch?.[1].trim() || null };
    });
}

const list = (text: string): string[] =>
  text
    .split(' | ')
    .map((v) => v.trim())
    .filter(Boolean);
// Some fields hold two addresses in one string ("a@justice.fr b@justice.fr", "a@justice.fr;b@…").
const emails = (text: string): string[] =>
  list(text)
    .flatMap((v) => v.split(/[\s,;/]+/))
    .filter((v) => v.includes('@'));
const frenchDate = (text: string): string | null => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
};

/**
 * The official directory (DILA) as court sites: each row matched to its SRJ court by type and place key, the
 * way competence names are matched; unmatched or ambiguous rows are returned as issues, administrative courts counted apart.
 */
export async function readDirectory(path: string, courts: readonly CourtRecord[]): Promise<DirectoryReading> {
  const byPlace = new Map<string, CourtRecord[]>();
  for (const court of courts) byPlace.set(`${court.type}|${court.placeKey}`, [...(byPlace.get(`${court.type}|${court.placeKey}`) ?? []), court]);
  const reading: DirectoryReading = { sites: [], unmatched: [], skippedAdministrative: 0 };
  const lines = (await readFile(path, 'utf8'))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = lines[0].split(';');
  const at = (name: string) => header.indexOf(name);
  for (const line of lines.slice(1)) {
    const f = line.split(';');
    const get = (name: string) => (f[at(name)] ?? '').trim();
    const kind = get('type');
    if (ADMINISTRATIVE.has(kind)) {
      reading.skippedAdministrative++;
      continue;
    }
    const name = get('nom');
    const types = TYPES[kind];
    const placeKey = courtPlaceKey(name);
    const candidates = (types ?? []).flatMap((t) => byPlace.get(`${t}|${placeKey}`) ?? []);
    if (candidates.length !== 1) {
      reading.unmatched.push({
        kind: types?.[0] ?? CourtType.TRIBUNAL_JUDICIAIRE,
        sourceName: name,
        communeCount: 0,
        sampleInseeCodes: [get('insee')].filter(Boolean),
        reason: !types
          ? `directory site of unknown type "${kind}" (${get('adresse')})`
          : candidates.length === 0
            ? `directory site matches no ${types.join(' or ')} named "${placeKey}" in the court hierarchy (juridictions.csv): ${get('adresse')}; ${get('url')}`
            : `directory site "${placeKey}" names ${candidates.length} courts (${candidates.map((c) => c.code).join(', ')})`,
      });
      continue;
    }
    reading.sites.push({
      courtCode: candidates[0].code,
      label: name,
      address: street(get('adresse')),
      postalCode: postcode(get('code_postal')) ?? postcode(/(?:^|– )(\d{4,5}) /.exec(get('adresse'))?.[1] ?? ''),
      city: get('commune'),
      inseeCode: get('insee'),
      phones: list(get('telephones')),
      emails: emails(get('courriels')),
      website: get('site') || null,
      openingHours: parseOpeningHours(get('horaires')),
      directoryUrl: get('url') || null,
      directoryUpdatedOn: frenchDate(get('mis_a_jour')),
    });
  }
  return reading;
}
