import { KNOWN_MNEMONICS } from './code-mnemonics';
import { LegalTextKind } from './legal-text-kind.enum';

export interface ParsedArticle {
  /** The fragment as written, e.g. "ART.L.234-1 §II,§V C.ROUTE.". */
  raw: string;
  article: string;
  /** Alinéas, paragraphs, items: "AL.1", "§II", "4°", "B)". */
  paragraphs: string[];
  textKind: LegalTextKind;
  /** The text as the ministry abbreviates it: "C.ROUTE.", "LOI 48-1360 DU 01/09/1948.". */
  text: string;
  /** Code mnemonic for codes ("C.PENAL."), else null. */
  codeMnemonic: string | null;
  /** Number of a loi, décret, ordonnance or regulation ("48-1360", "2019/2035"). */
  textNumber: string | null;
  /** Date of the text as YYYY-MM-DD, when given. */
  textDate: string | null;
}

export type CellParse = { parsed: true; articles: ParsedArticle[] } | { parsed: false; raw: string };

/** A cell read group by group: the articles of the groups that fit the grammar, and the groups that do not. */
export interface CellFragments {
  articles: ParsedArticle[];
  unparsed: string[];
}

// Where a text designation starts, after its articles: the keyword of each kind of text, checked in order.
const TEXT_KINDS: [RegExp, LegalTextKind][] = [
  [/^D[EÉ]CRET[- ]LOI\b/, LegalTextKind.DECRET_LOI],
  [/^LOI\b/, LegalTextKind.LOI],
  [/^ORD(?:ONNANCE)?\b\.?/, LegalTextKind.ORDONNANCE],
  [/^D[EÉ]CRET\b|^DECR?\./, LegalTextKind.DECRET],
  [/^ARR[EÊ]T[EÉ]\b|^ARR\./, LegalTextKind.ARRETE],
  [/^R[EÈ]GL(?:EMEN)?T\b|^REGLT\.|^R[EÈ]GL\./, LegalTextKind.REGLEMENT_UE],
  [/^DIRECTIVE\b|^DIR\./, LegalTextKind.DIRECTIVE_UE],
  [/^D[EÉ]CISION\b|^DEC\./, LegalTextKind.DECISION],
  [/^CONVENTION\b|^TRAIT[EÉ]\b|^ACCORD\b|^PROTOCOLE\b/, LegalTextKind.CONVENTION],
];
const TEXT_START =
  /\s(?=D[EÉ]CRET[- ]LOI\b|LOI\b|ORD(?:ONNANCE)?\b|D[EÉ]CRET\b|DECR?\.|ARR[EÊ]T[EÉ]\b|ARR\.|R[EÈ]GL(?:EMEN)?T\b|REGLT\.|R[EÈ]GL\.|DIRECTIVE\b|DIR\.|D[EÉ]CISION\b|DEC\.|CONVENTION\b|TRAIT[EÉ]\b|ACCORD\b|PROTOCOLE\b)/;
// A code mnemonic: "C." then dotted words ("C.PENAL.", "C.SANTE.PUB.", "C.G.C.T."), or a known short form ("CGI.").
const MNEMONIC = /^C\.(?:[A-Z0-9ÉÈÊÀÔÎÛÇ'-]+\.)+$/;
const SHORT_MNEMONICS = new Set(KNOWN_MNEMONICS.filter((m) => !m.startsWith('C.')));
const isMnemonic = (token: string): boolean => MNEMONIC.test(token) || SHORT_MNEMONICS.has(token);
// One article: "ART.L.234-1", "ART.131-30", "ART.1ER", "ART.L.O.135-1", "ART.6 BIS", then its qualifiers.
const ARTICLE =
  /^ART\.\s*((?:(?:L\.?O|LO|L|R|D|A)\.\s*)?\d+(?:ER)?[A-Z]?(?:[-.]\d+[A-Z]?)*(?:\s(?:BIS|TER|QUATER|QUINQUIES|SEXIES|SEPTIES|OCTIES|NONIES|DECIES)\b)?)(?![-.]?\d)\s*(.*)$/;
// What may follow an article before the next one: alinéas, paragraphs (§I, §2), points (4°), items (A), b)), "ET".
const QUALIFIER =
  /^(?:AL\.\s?\d+(?:ER)?|§\s?[IVXLC]+|§\s?\d+|\d+°|[A-Z]{1,2}\)|[a-z]{1,2}\)|\d+\)|[IVX]+|\d+|[A-Z]|ET|PHRASE\s?\d+|DERNIER|ALINEAS?|ALINEA|ANNEXE|BIS|TER|QUATER|[-–])$/;

function describeText(text: string): Pick<ParsedArticle, 'textKind' | 'codeMnemonic' | 'textNumber' | 'textDate'> {
  if (isMnemonic(text)) return { textKind: LegalTextKind.CODE, codeMnemonic: text, textNumber: null, textDate: null };
  const kind = TEXT_KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? LegalTextKind.OTHER;
  const number = /(?:\bN°\s*)?\b(\d{1,4}[-/]\d+(?:[-/]\d+)?)(?!\/\d{4})\b/.exec(text.replace(/\bDU\s+\d{2}\/\d{2}\/\d{4}/g, ''))?.[1] ?? null;
  const date = /\bDU\s+(\d{2})\/(\d{2})\/(\d{4})\b/.exec(text);
  return { textKind: kind, codeMnemonic: null, textNumber: number, textDate: date ? `${date[3]}-${date[2]}-${date[1]}` : null };
}

/** "AL.1, AL.2" → ["AL.1", "AL.2"]; "§I 4°" stays one item: a paragraph and its point. */
const splitParagraphs = (qualifiers: string): string[] =>
  qualifiers
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean);

const qualifiersFit = (qualifiers: string): boolean =>
  qualifiers
    .split(/[,\s]+/)
    .filter(Boolean)
    .every((token) => QUALIFIER.test(token));

/** The text a group ends with, and the articles before it; undefined when the group does not fit. */
function splitGroup(group: string): { body: string; text: string } | undefined {
  // A code is the last word of its group (tested on that word alone: a regex anchored at the end rescans the group).
  const lastSpace = group.lastIndexOf(' ');
  const last = group.slice(lastSpace + 1);
  if (lastSpace > 0 && isMnemonic(last)) return { body: group.slice(0, lastSpace), text: last };
  const start = TEXT_START.exec(group);
  if (!start || !/\.$/.test(group)) return undefined;
  return { body: group.slice(0, start.index), text: group.slice(start.index + 1) };
}

function parseGroup(group: string): ParsedArticle[] | undefined {
  const split = splitGroup(group);
  if (!split) return undefined;
  const text = split.text.trim();
  const description = describeText(text);
  const articles: ParsedArticle[] = [];
  // Articles sharing the text: "ART.L.1, ART.L.2 ET ART.L.3 C.ROUTE.".
  for (const chunk of split.body.trim().split(/\s*(?:,|\bET\b)\s*(?=ART\.)/)) {
    const match = ARTICLE.exec(chunk.trim());
    if (!match) return undefined;
    const [, article, qualifiers] = match;
    if (!qualifiersFit(qualifiers)) return undefined;
    articles.push({
      raw: `${chunk.trim()} ${text}`,
      article: article.replace(/\.\s+/g, '.').replace(/\s+/g, ' '),
      paragraphs: splitParagraphs(qualifiers),
      text,
      ...description,
    });
  }
  return articles;
}

/**
 * Reads one NATINF "Définie par" / "Réprimée par" cell group by group: each group lists articles and closes with
 * the text they belong to ("ART.L.163-2 AL.1, ART.L.163-6 AL.1, AL.2 C.M.F. ART.131-30 AL.1 C.PENAL."): codes
 * by mnemonic, lois (numbered or not), ordonnances, décrets, décrets-lois, arrêtés, EU regulations and directives.
 * A group that does not fit is returned as written, never guessed at.
 */
export function parseLegalFragments(cell: string): CellFragments {
  let raw = cell.replace(/\s+/g, ' ').trim();
  const result: CellFragments = { articles: [], unparsed: [] };
  if (!raw) return result;
  // The closing dot of the last text is sometimes forgotten.
  if (!raw.endsWith('.') && /(?:C\.[A-Z.]+[A-Z]|\d{4})$/.test(raw)) raw += '.';
  // A group ends with its text's closing dot; the next group starts with "ART.".
  for (const group of raw.split(/(?<=\.)\s+(?=ART\.|ANNEXE\b)/)) {
    const articles = parseGroup(group);
    if (articles) result.articles.push(...articles);
    else result.unparsed.push(group);
  }
  return result;
}

/** The whole cell parsed, or kept raw when any group does not fit. */
export function parseLegalCell(cell: string): CellParse {
  const raw = cell.replace(/\s+/g, ' ').trim();
  const { articles, unparsed } = parseLegalFragments(cell);
  return unparsed.length ? { parsed: false, raw } : { parsed: true, articles };
}

/**
 * The shape of a fragment that did not parse, for the import report: digits become 9, roman numerals I, item
 * letters a, so that the many fragments one missing rule leaves out add up to one line ("ART.9 X.UE 9/9.").
 */
export function fragmentPattern(fragment: string): string {
  return fragment
    .replace(/(§|ANNEXE )\s?[IVXLC]+\b/g, '$1I')
    .replace(/\b[A-Za-z]\)/g, 'a)')
    .replace(/\d+/g, '9')
    .replace(/(ART\.[^,]*?)(?:, ART\.[^,]*?)+(?= [A-Z]|$)/g, '$1, …')
    .replace(/\bART\.([A-Z]\.)?9(?:[-.]9)*/g, 'ART.$19');
}
