import { fold } from '../../../kernel/text/fold';
import { CourtType } from '../court/court-type.enum';

// Longest first: "TRIBUNAL DE PROXIMITE" must win over a shorter prefix of the same words.
const TYPE_PREFIXES = [
  'CHAMBRE COMMERCIALE DU TJ',
  'TRIBUNAL SUPERIEUR D APPEL',
  'TRIBUNAL DE PREMIERE INSTANCE',
  'CONSEIL DE PRUD HOMMES',
  'TRIBUNAL DE PROXIMITE',
  'TRIBUNAL DE COMMERCE',
  'TRIBUNAL JUDICIAIRE',
  'TRIBUNAL DU TRAVAIL',
  'COUR D APPEL',
  'TPRX',
  'CPH',
  'TPI',
  'CA',
  'TJ',
  'TC',
];

/** Known spellings of the competence file that differ from the ministry's short names, after folding. */
const ALIASES: Record<string, string> = {
  'ST DENIS DE LA REUNION': 'ST DENIS',
  'CERGY PONTOISE': 'PONTOISE',
  'LYS LEZ LANNOY': 'LANNOY',
  'CAYENNE A ST LAURENT DU MARONI': 'ST LAURENT DU MARONI',
  'LES SABLES D OLONNE': 'SABLES D OLONNE',
};

/**
 * The place part of a court name, comparable across sources:
 * "Tribunal judiciaire du Puy-en-Velay" and "TJ LE PUY EN VELAY" both give "LE PUY EN VELAY".
 */
export function courtPlaceKey(name: string): string {
  let key = fold(name)
    .replace(/\bSAINTE\b/g, 'STE')
    .replace(/\bSAINT\b/g, 'ST');
  const prefix = TYPE_PREFIXES.find((p) => key === p || key.startsWith(`${p} `));
  if (prefix) key = key.slice(prefix.length).trim();
  key = key
    .replace(/^DE LA /, 'LA ')
    .replace(/^DE L /, 'L ')
    .replace(/^(DE|D) /, '')
    .replace(/^DU /, 'LE ')
    .replace(/^DES /, 'LES ');
  return ALIASES[key] ?? key;
}

/** "Chambre commerciale du TJ de Metz": Alsace-Moselle has no commercial court, the TJ's chamber is competent. */
export const isCommercialChamberOfTj = (name: string): boolean => fold(name).startsWith('CHAMBRE COMMERCIALE DU TJ');

const TYPE_LABELS: Record<CourtType, string> = {
  [CourtType.COUR_APPEL]: "Cour d'appel",
  [CourtType.TRIBUNAL_SUPERIEUR_APPEL]: "Tribunal supérieur d'appel",
  [CourtType.TRIBUNAL_JUDICIAIRE]: 'Tribunal judiciaire',
  [CourtType.TRIBUNAL_PREMIERE_INSTANCE]: 'Tribunal de première instance',
  [CourtType.TRIBUNAL_PROXIMITE]: 'Tribunal de proximité',
  [CourtType.CONSEIL_PRUDHOMMES]: "Conseil de prud'hommes",
  [CourtType.TRIBUNAL_TRAVAIL]: 'Tribunal du travail',
  [CourtType.TRIBUNAL_COMMERCE]: 'Tribunal de commerce',
};

/** A readable name for a court only known by its short name ("CPH LANNOY" → "Conseil de prud'hommes de Lannoy"). */
export function displayName(type: CourtType, placeKey: string): string {
  const place = placeKey
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\bSt\b/g, 'Saint')
    .replace(/\bSte\b/g, 'Sainte');
  const vowel = /^[AEIOUYH]/i.test(place);
  return `${TYPE_LABELS[type]} ${vowel ? "d'" : 'de '}${place}`;
}
