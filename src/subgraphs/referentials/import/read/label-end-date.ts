import type { ImportRow } from './import-row';

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

// "(Ce poste ne doit plus être utilisé à compter du 1er janvier 2009)", any case, accents or not.
const NO_LONGER_USED = /\s*\(\s*ce poste ne doit plus [eê]tre utilis[eé] [aà] compter du (\d{1,2})(?:er)? ([a-zéû]+) (\d{4})\s*\)\s*/i;

/** The end date a NAC label states ("ne doit plus être utilisé à compter du 1er janvier 2009" → 2009-01-01) and the label without that sentence. */
export function endDateFromLabel(label: string): { label: string; validTo: string } | null {
  const match = NO_LONGER_USED.exec(label);
  if (!match) return null;
  const month =
    MONTHS.indexOf(
      match[2]
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
    ) + 1;
  if (month === 0) return null;
  const validTo = `${match[3]}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return { label: `${label.slice(0, match.index)} ${label.slice(match.index + match[0].length)}`.trim(), validTo };
}

/** NAC rows whose label says they stopped being used are end-dated that day (unless the file gives a date). */
export function applyLabelEndDate(row: ImportRow): ImportRow {
  const ended = row.validTo ? null : endDateFromLabel(row.label);
  if (!ended || (row.validFrom && row.validFrom >= ended.validTo)) return row;
  return { ...row, label: ended.label, validTo: ended.validTo };
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The label as the NAC layout writes an end-dated code (it has no date column): the sentence the import reads back. */
export function labelWithEndDate(label: string, validTo: string | null): string {
  if (!validTo || endDateFromLabel(label)) return label;
  const [year, month, day] = validTo.split('-').map(Number);
  return `${label} (Ce poste ne doit plus être utilisé à compter du ${day === 1 ? '1er' : day} ${MONTH_NAMES[month - 1]} ${year})`;
}
