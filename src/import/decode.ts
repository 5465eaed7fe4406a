import { Transform } from 'node:stream';

export type SourceEncoding = 'utf-8' | 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (with or without BOM) when the opening bytes decode as UTF-8, else Windows-1252, the superset of
 * ISO-8859-1 that spreadsheets write (the official NATINF file is latin-1).
 */
export function detectEncoding(head: Buffer): SourceEncoding {
  if (UTF8_BOM.every((b, i) => head[i] === b)) return 'utf-8';
  // A multi-byte character may be cut at the end of the sample: ignore its last 3 bytes.
  const sample = head.subarray(0, Math.max(0, head.length - 3));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export class UndecodableError extends Error {
  constructor(readonly line: number) {
    super(`bytes that are not valid UTF-8 (the start of the file was; is it mixed?)`);
  }
}

/** Decodes a byte stream to text, strictly for UTF-8 so that a bad byte is reported with its line, never replaced. */
export function decoder(encoding: SourceEncoding): Transform {
  const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        const decoded = text.decode(chunk, { stream: true });
        line += decoded.split('\n').length - 1;
        done(null, decoded);
      } catch {
        // Locate the bad byte: decode leniently and count the lines before the first replacement character.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        done(new UndecodableError(line + (lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length - 1)));
      }
    },
    flush(done) {
      try {
        done(null, text.decode());
      } catch {
        done(new UndecodableError(line));
      }
    },
  });
}

/** The separator of a header line: the most frequent of ; , tab and |. */
export function detectSeparator(header: string): string {
  const counts = [';', ',', '\t', '|'].map((s) => [s, header.split(s).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ';';
}
