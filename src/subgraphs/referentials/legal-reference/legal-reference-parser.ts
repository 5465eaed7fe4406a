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
  /** Number of a loi, décret, ordonnance or regulation ("48-1360", "561/2006"). */
  textNumber: string | null;
  /** Date of the text as YYYY-MM-DD, when given. */
  textDate: string | null;
}

export type CellParse = { parsed: true; articles: ParsedArticle[] } | { parsed: false; raw: string };

const TEXT_KEYWORDS: [RegExp, LegalTextKind][] = [
  [/^LOI(?:\s+ORGANIQUE)?\b/, LegalTextKind.LOI],
  [/^ORD(?:ONNANCE|\.)/, LegalTextKind.ORDONNANCE],
  [/^D[EÉ]CRET\b/, LegalTextKind.DECRET],
  [/^ARR[EÊ]T[EÉ]\b/, LegalTextKind.ARRETE],
  [/^R[EÈ]G(?:LEMENT|\.)/, LegalTextKind.REGLEMENT_UE],
  [/^DIRECTIVE\b/, LegalTextKind.DIRECTIVE_UE],
];

// A code mnemonic: "C." then dotted upper-case words ("C.PENAL.", "C.SANTE.PUB.", "C.G.C.T.").
const CODE_AT_END = /\s(C\.(?:[A-Z0-9ÉÈÊÀÔÎÛ'-]+\.)+)$/;
const OTHER_TEXT = /\s((?:LOI|ORD(?:ONNANCE|\.)|D[EÉ]CRET|ARR[EÊ]T[EÉ]|R[EÈ]G(?:LEMENT|\.)|DIRECTIVE|CONVENTION|DECISION|D[EÉ]CISION)\b.*)$/;
const ARTICLE = /^ART\.\s*((?:(?:LO|L|R|D|A)\.\s*)?\d+[A-Z]?(?:[-.]\d+[A-Z]?)*(?:\s(?:BIS|TER|QUATER|A|B|C))?)\b\s*(.*)$/;

function describeText(text: string): Pick<ParsedArticle, 'textKind' | 'codeMnemonic' | 'textNumber' | 'textDate'> {
  if (/^C\./.test(text)) return { textKind: LegalTextKind.CODE, codeMnemonic: text, textNumber: null, textDate: null };
  const kind = TEXT_KEYWORDS.find(([pattern]) => pattern.test(text))?.[1] ?? LegalTextKind.OTHER;
  const number = /\b(\d{2,4}[-/]\d+)\b/.exec(text)?.[1] ?? null;
  const date = /\bDU\s+(\d{2})\/(\d{2})\/(\d{4})\b/.exec(text);
  return { textKind: kind, codeMnemonic: null, textNumber: number, textDate: date ? `${date[3]}-${date[2]}-${date[1]}` : null };
}

/** "AL.1, AL.2" → ["AL.1", "AL.2"]; "§I 4°" stays one item: a paragraph and its point. */
const splitParagraphs = (qualifiers: string): string[] =>
  qualifiers.split(',').map((q) => q.trim()).filter(Boolean);

/**
 * Parses one NATINF "Définie par" / "Réprimée par" cell: groups of articles, each group closed by the text they
 * belong to ("ART.L.163-2 AL.1, ART.L.163-6 AL.1, AL.2 C.M.F. ART.131-30 AL.1 C.PENAL."). A cell that does not
 * fit this grammar is returned raw: the caller keeps and counts it.
 */
export function parseLegalCell(cell: string): CellParse {
  const raw = cell.replace(/\s+/g, ' ').trim();
  if (!raw) return { parsed: true, articles: [] };
  const articles: ParsedArticle[] = [];
  // A group ends with its text's closing dot; the next group starts with "ART.".
  for (const group of raw.split(/(?<=\.)\s+(?=ART\.)/)) {
    const text = CODE_AT_END.exec(group)?.[1] ?? OTHER_TEXT.exec(group)?.[1];
    if (!text) return { parsed: false, raw };
    const body = group.slice(0, group.length - text.length).trim();
    const description = describeText(text);
    for (const chunk of body.split(/,\s*(?=ART\.)/)) {
      const match = ARTICLE.exec(chunk.trim());
      if (!match) return { parsed: false, raw };
      const [, article, qualifiers] = match;
      articles.push({
        raw: `${chunk.trim()} ${text}`,
        article: article.replace(/\s+/g, ''),
        paragraphs: splitParagraphs(qualifiers),
        text,
        ...description,
      });
    }
  }
  return { parsed: true, articles };
}
