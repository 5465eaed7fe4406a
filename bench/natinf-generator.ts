import { writeFile } from 'node:fs/promises';

/** A small seeded PRNG (mulberry32): the same seed gives the same file, run after run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const weighted = <T>(rand: Rand, items: readonly [T, number][]): T => {
  let r = rand() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, weight] of items) if ((r -= weight) < 0) return item;
  return items[items.length - 1][0];
};

// The mnemonics NATINF cites most, weighted roughly as the real file uses them.
const CODES: [string, number][] = [
  ['C.PENAL.', 30],
  ['C.ROUTE.', 12],
  ['C.TRAVAIL.', 8],
  ['C.ENVIRONNEMENT.', 6],
  ['C.CONSOMMATION.', 4],
  ['C.COMMERCE.', 3],
  ['C.SANTE.PUB.', 5],
  ['C.RURAL.', 5],
  ['C.DOUANES.', 2],
  ['C.URBANISME.', 2],
  ['C.S.S.', 2],
  ['C.M.F.', 2],
  ['C.ASSURANCES.', 1],
  ['C.TRANSPORTS.', 4],
  ['C.C.H.', 1],
  ['C.E.S.E.D.A.', 1],
  ['C.SPORT.', 1],
  ['C.EDUCATION.', 1],
  ['C.MINIER.', 0.3],
  ['C.P.C.E.', 0.5],
  ['C.ELECTORAL.', 0.5],
  ['C.G.I.', 1],
  ['CGI.', 0.3],
  ['C.FORESTIER.', 1],
  ['C.PATRIMOINE.', 0.5],
  ['C.P.I.', 1],
  ['C.S.I.', 2],
  ['C.DEFENSE.', 1],
  ['C.A.S.F.', 0.5],
  ['C.CIVIL.', 0.5],
  ['C.P.P.', 2],
  ['C.AVIATION.CIV.', 0.5],
  ['C.TOURISME.', 0.5],
  ['C.COMMANDE.PUB.', 0.3],
  ['C.ENERGIE.', 0.3],
  ['C.CINEMA.', 0.2],
  ['C.J.P.M.', 0.3],
  ['C.PENITENTIAIRE.', 0.2],
  ['C.G.C.T.', 1],
];
const NATURES: [string, number][] = [
  ['Délit', 55],
  ['Contravention de classe 5', 12],
  ['Contravention de classe 4', 15],
  ['Contravention de classe 3', 5],
  ['Contravention de classe 2', 2],
  ['Contravention de classe 1', 2],
  ['Crime', 4],
  ['Délit douanier de classe 1', 0.8],
  ['Délit douanier de classe 2', 0.5],
  ['Délit douanier de classe 3', 0.4],
  ['Contravention douanière de classe 1', 0.3],
  ['Contravention douanière de classe 2', 0.3],
  ['Contravention douanière de classe 3', 0.3],
  ['Contravention douanière de classe 4', 0.2],
  ['Contravention douanière de classe 5', 0.3],
  ['Infraction civile', 0.4],
];
const QUALIFIERS: [string, number][] = [
  ['', 40],
  ['AL.1', 15],
  ['AL.2', 6],
  ['AL.1, AL.2', 4],
  ['AL.1,AL.2', 3],
  ['§II,§V', 2],
  ['§I 4°', 2],
  ['§I 2°', 1],
  ['1°', 3],
  ['2°', 2],
  ['B)', 1],
  ['H), I)', 0.5],
  ['§2 A)', 0.5],
  ['AL.2 5°', 1],
  ['§I AL.1', 1],
  ['§III', 1],
  ['AL.3 2°, 3°', 0.5],
];
const WORDS = [
  'DEFAUT',
  'DE',
  'DECLARATION',
  'CONDUITE',
  'VEHICULE',
  'SANS',
  'PERMIS',
  'EXPLOITATION',
  'ETABLISSEMENT',
  'NON',
  'CONFORME',
  'VENTE',
  'PRODUIT',
  'DETENTION',
  'TRANSPORT',
  'MARCHANDISE',
  'PROHIBEE',
  'INSTALLATION',
  'CLASSEE',
  'AUTORISATION',
  "D'UN",
  'PAR',
  'UNE',
  'PERSONNE',
  'MORALE',
  'EMPLOI',
  'SALARIE',
  'TRAVAIL',
  'DISSIMULE',
  'INOBSERVATION',
  'REGLES',
  'SECURITE',
  'CIRCULATION',
  'ANIMAL',
  'DOMESTIQUE',
];
const QUOTED = ['"STOP"', '"CEDEZ LE PASSAGE"', '"SENS INTERDIT"', '"AB"', '"BIO"'];

const date = (rand: Rand, from: number, to: number) =>
  `${String(int(rand, 1, 28)).padStart(2, '0')}/${String(int(rand, 1, 12)).padStart(2, '0')}/${int(rand, from, to)}`;
const codeArticle = (rand: Rand, code: string): string => {
  const prefix =
    code === 'C.PENAL.' || code === 'C.CIVIL.'
      ? weighted(rand, [
          ['', 8],
          ['R.', 2],
        ])
      : weighted(rand, [
          ['L.', 6],
          ['R.', 4],
          ['D.', 1],
          ['A.', 0.2],
          ['', 1],
        ]);
  const number =
    prefix === '' && code === 'C.PENAL.'
      ? `${int(rand, 111, 727)}-${int(rand, 1, 30)}${rand() < 0.1 ? `-${int(rand, 1, 5)}` : ''}`
      : prefix === ''
        ? `${int(rand, 1, 450)}${rand() < 0.05 ? ' BIS' : ''}`
        : `${prefix}${int(rand, 1, 6999)}-${int(rand, 1, 60)}${rand() < 0.15 ? `-${int(rand, 1, 9)}` : ''}`;
  return `ART.${number}`;
};
const withQualifiers = (rand: Rand, article: string) => {
  const q = weighted(rand, QUALIFIERS);
  return q ? `${article} ${q}` : article;
};
const articles = (rand: Rand, make: () => string, max: number) =>
  Array.from(
    {
      length: weighted(rand, [
        [1, 55],
        [2, 20],
        [3, 12],
        [4, 6],
        [max, 4],
      ]),
    },
    () => withQualifiers(rand, make()),
  ).join(', ');

/** One group of a legal cell in one of the real shapes: articles of a code, a loi (numbered or not), an ordonnance, a décret… */
function group(rand: Rand): string {
  const shape = weighted(rand, [
    ['code', 86],
    ['loi', 4],
    ['loi-sans-numero', 1.5],
    ['ord', 1.5],
    ['decret', 2],
    ['decret-loi', 0.5],
    ['arrete', 1.5],
    ['reglement', 1.5],
    ['directive', 0.5],
    ['odd', 0.35],
  ]);
  const plain = () => `ART.${int(rand, 1, 120)}${rand() < 0.05 ? ' BIS' : ''}`;
  switch (shape) {
    case 'code': {
      const code = weighted(rand, CODES);
      return `${articles(rand, () => codeArticle(rand, code), 6)} ${code}`;
    }
    case 'loi':
      return `${articles(rand, plain, 3)} LOI ${int(rand, 46, 99)}-${int(rand, 100, 1500)} DU ${date(rand, 1946, 1999)}.`;
    case 'loi-sans-numero':
      return `${articles(rand, plain, 2)} LOI DU ${date(rand, 1850, 1939)}.`;
    case 'ord':
      return `${articles(rand, plain, 2)} ORD ${int(rand, 45, 58)}-${int(rand, 1000, 2800)} DU ${date(rand, 1945, 1958)}.`;
    case 'decret':
      return `${articles(rand, plain, 3)} DECRET ${int(rand, 1990, 2025)}-${int(rand, 1, 1900)} DU ${date(rand, 1990, 2025)}.`;
    case 'decret-loi':
      return `${articles(rand, plain, 2)} DECRET-LOI DU ${date(rand, 1935, 1939)}.`;
    case 'arrete':
      return `${articles(rand, plain, 2)} ${pick(rand, ['ARRETE', 'ARRETE MINISTERIEL', 'ARRETE INTERMINISTERIEL'])} DU ${date(rand, 1970, 2025)}.`;
    case 'reglement':
      return `${articles(rand, plain, 3)} ${pick(rand, ['REGLT.D.UE', 'REGLT.UE', 'REGLT.CE', 'REGLT.D.CE'])} ${int(rand, 1990, 2024)}/${int(rand, 1, 2500)} DU ${date(rand, 1990, 2024)}.`;
    case 'directive':
      return `${articles(rand, plain, 2)} DIRECTIVE.UE ${int(rand, 2000, 2024)}/${int(rand, 1, 2500)} DU ${date(rand, 2000, 2024)}.`;
    default: // shapes the grammar leaves to the report: an article range, an annex cited without article
      return rand() < 0.5
        ? `ART.L.${int(rand, 1, 500)}-1 A ART.L.${int(rand, 1, 500)}-9 C.ROUTE.`
        : `ANNEXE ${pick(rand, ['I', 'II', 'III'])} ARRETE DU ${date(rand, 1980, 2020)}.`;
  }
}

/** A "Définie par" or "Réprimée par" cell: one to three groups, the penal code's ART.131-30 often closing "Réprimée par". */
export function legalCell(rand: Rand, punishes = false): string {
  const groups = Array.from(
    {
      length: weighted(rand, [
        [1, 70],
        [2, 25],
        [3, 5],
      ]),
    },
    () => group(rand),
  );
  if (punishes && rand() < 0.3) groups.push('ART.131-30 AL.1 C.PENAL.');
  return groups.join(' ');
}

export interface NatinfRow {
  code: string;
  nature: string;
  label: string;
  definedBy: string;
  punishedBy: string;
}

/** Rows in the shapes of the ministry's file: natures of every kind, labels with bare quotes, legal cells of every shape. */
export function* natinfRows(count: number, seed = 15): Generator<NatinfRow> {
  const rand = random(seed);
  let code = 0;
  for (let i = 0; i < count; i++) {
    code += int(rand, 1, 3);
    const words = Array.from({ length: int(rand, 4, 18) }, () => pick(rand, WORDS));
    if (rand() < 0.03) words.splice(int(rand, 0, words.length), 0, pick(rand, QUOTED));
    yield {
      code: String(code),
      nature: weighted(rand, NATURES),
      label: words.join(' '),
      definedBy: legalCell(rand),
      punishedBy: rand() < 0.97 ? legalCell(rand, true) : '',
    };
  }
}

export const NATINF_HEADER = "Numéro NATINF;Nature de l'infraction;Qualification de l'infraction;Définie par;Réprimée par";

/** The official layout: `;`, unquoted, latin-1, CRLF. */
export async function writeNatinfFile(path: string, count: number, seed = 15): Promise<void> {
  const lines = [NATINF_HEADER];
  for (const row of natinfRows(count, seed)) lines.push([row.code, row.nature, row.label, row.definedBy, row.punishedBy].join(';'));
  await writeFile(path, `${lines.join('\r\n')}\r\n`, 'latin1');
}
