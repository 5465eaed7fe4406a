import { open } from 'node:fs/promises';
import { formatFor, type ImportFormat } from './layouts';

/** Enough to skip a BOM and blanks before the first meaningful character. */
const SNIFF_BYTES = 512;

/**
 * The format of a file from its content first: a document opening with `[` or `{` is JSON whatever its name or
 * referential (the JSON export uploaded back), else the name (`.json`) and the referential's layout decide.
 */
export async function detectFormat(referential: string, path: string): Promise<ImportFormat> {
  const file = await open(path, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await file.close();
  }
  const first = head.replace(/^\xEF\xBB\xBF/, '').trimStart()[0];
  if (first === '[' || first === '{') return 'json';
  if (path.toLowerCase().endsWith('.json') && first !== undefined) return 'json';
  return formatFor(referential, path);
}
