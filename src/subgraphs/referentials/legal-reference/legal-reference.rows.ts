import type { LegalReference } from './legal-reference.entity';
import { parseLegalFragments } from './legal-reference-parser';
import { LegalRole } from './legal-text-kind.enum';

export type LegalReferenceRow = Omit<LegalReference, 'id' | 'entryId'>;

/** The rows a NATINF cell becomes: one per article, and one raw row per group of articles that does not parse. */
export function legalReferenceRows(role: LegalRole, cell: string | null | undefined): LegalReferenceRow[] {
  if (!cell?.trim()) return [];
  const { articles, unparsed } = parseLegalFragments(cell);
  const rows: LegalReferenceRow[] = articles.map((a, position) => ({
    role,
    position,
    raw: a.raw,
    parsed: true,
    textKind: a.textKind,
    text: a.text,
    codeMnemonic: a.codeMnemonic,
    textNumber: a.textNumber,
    textDate: a.textDate,
    article: a.article,
    paragraphs: a.paragraphs,
  }));
  for (const raw of unparsed)
    rows.push({
      role,
      position: rows.length,
      raw,
      parsed: false,
      textKind: null,
      text: null,
      codeMnemonic: null,
      textNumber: null,
      textDate: null,
      article: null,
      paragraphs: [],
    });
  return rows;
}

export const cellsToRows = (cells: { definedBy?: string | null; punishedBy?: string | null }): LegalReferenceRow[] => [
  ...legalReferenceRows(LegalRole.DEFINES, cells.definedBy),
  ...legalReferenceRows(LegalRole.PUNISHES, cells.punishedBy),
];
