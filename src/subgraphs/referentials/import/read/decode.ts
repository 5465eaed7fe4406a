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

/** How many `\n` a text holds: the line count the readers add up as they go. */
export const newlines = (text: string): number => {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
};

/** What turns a file's chunks into text, in order: `decode` each chunk, then `end`. */
export interface ChunkDecoder {
  decode(chunk: Buffer): string;
  end(): string;
}

/**
 * Decodes chunks of bytes to text, strictly for UTF-8 so that a bad byte is reported with its line, never
 * replaced. A plain function, not a Transform: a stream would turn the text back into bytes for the next one.
 */
export function decoder(encoding: SourceEncoding): ChunkDecoder {
  const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let line = 1;
  return {
    decode(chunk) {
      try {
        const decoded = text.decode(chunk, { stream: true });
        line += newlines(decoded);
        return decoded;
      } catch {
        // Locate the bad byte: decode leniently and count the lines before the first replacement character.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        throw new UndecodableError(line + newlines(lenient.slice(0, lenient.indexOf('\uFFFD'))));
      }
    },
    end() {
      try {
        return text.decode();
      } catch {
        throw new UndecodableError(line);
      }
    },
  };
}

/** The separator of a header line: the most frequent of ; , tab and |. */
export function detectSeparator(header: string): string {
  const counts = [';', ',', '\t', '|'].map((s) => [s, header.split(s).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ';';
}
