import type { LegalReference } from './legal-reference.entity';
import { parseLegalCell } from './legal-reference-parser';
import { LegalRole } from './legal-text-kind.enum';

export type LegalReferenceRow = Omit<LegalReference, 'id' | 'entryId' | 'codeName'>;

/** The rows a NATINF cell becomes: one per article, or one raw row when the cell does not parse. */
export function legalReferenceRows(role: LegalRole, cell: string | null | undefined): LegalReferenceRow[] {
  if (!cell?.trim()) return [];
  const result = parseLegalCell(cell);
  if (!result.parsed) return [{ role, position: 0, raw: result.raw, parsed: false, textKind: null, text: null, codeMnemonic: null, textNumber: null, textDate: null, article: null, paragraphs: [] }];
  return result.articles.map((a, position) => ({
    role, position, raw: a.raw, parsed: true, textKind: a.textKind, text: a.text, codeMnemonic: a.codeMnemonic,
    textNumber: a.textNumber, textDate: a.textDate, article: a.article, paragraphs: a.paragraphs,
  }));
}

export const cellsToRows = (cells: { definedBy?: string | null; punishedBy?: string | null }): LegalReferenceRow[] => [
  ...legalReferenceRows(LegalRole.DEFINES, cells.definedBy),
  ...legalReferenceRows(LegalRole.PUNISHES, cells.punishedBy),
];
