import { newlines } from './decode';

/** A record of a delimited file: its trimmed fields and the line it starts on (1 for the header). */
export interface DelimitedRecord {
  line: number;
  fields: string[];
}

/** Text the parser cannot read; `line` is where the record it was reading starts. */
export class DelimitedSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** No legitimate record comes near this: past it, a quote was surely left open (and memory stays flat). */
export const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = /\s/;
// Whitespace as String.prototype.trim sees it, without building a string for the common printable characters.
const isBlank = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && SPACE.test(String.fromCharCode(code)));

/**
 * Splits decoded text into records, chunk by chunk, as csv-parse did with `trim`, `relax_quotes`,
 * `relax_column_count`, `skip_empty_lines` and `\n` or `\r\n` record delimiters: fields are trimmed; a field
 * whose first non-blank character is `"` is quoted (kept as written inside the quotes; `""` is a quote, delimiters and line breaks are text, only
 * blanks may follow the closing quote); a quote inside an unquoted field is text; blank lines are skipped.
 * Lines without a quote — nearly all — are cut with `indexOf` and `split`: csv-parse's byte-by-byte state
 * machine and its per-record `info` were half of the import's read time. Each record carries the line it
 * starts on, counting `\n` only (csv-parse gave the line a record ends on, counted a lone `\r` and counted
 * `\r\n` inside quotes twice). Where the two part ways on malformed text: blanks after a closing quote at the end
 * of the file are accepted (csv-parse refused some), a quoted part after an empty one (`"" "x"`) is refused.
 */
export class DelimitedParser {
  private rest = '';
  private line = 1;
  private started = false;
  private readonly delimiterCode: number;

  constructor(private readonly delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new Error(`unsupported delimiter ${JSON.stringify(delimiter)}`);
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** The records completed by `text`; an incomplete last record waits for the next chunk. */
  push(text: string): DelimitedRecord[] {
    return this.parse(text, false);
  }

  /** The last record, when the text does not end with a line break. */
  end(): DelimitedRecord[] {
    return this.parse('', true);
  }

  private parse(text: string, final: boolean): DelimitedRecord[] {
    let buffer = this.rest ? this.rest + text : text;
    if (!this.started && buffer.length > 0) {
      this.started = true;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
    }
    const records: DelimitedRecord[] = [];
    const length = buffer.length;
    let pos = 0;
    let line = this.line;
    // Cached: searching again from every line would rescan the rest of a quote-free chunk each time.
    let nextQuote = buffer.indexOf('"');
    while (pos < length) {
      let newline = buffer.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buffer.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote > newline) {
        const end = newline > pos && buffer.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        const fields = buffer.slice(pos, end).split(this.delimiter);
        for (let i = 0; i < fields.length; i++) fields[i] = fields[i].trim();
        if (fields.length > 1 || fields[0] !== '') records.push({ line, fields });
        line++;
        pos = newline + 1;
        continue;
      }
      const quoted = this.quotedRecord(buffer, pos, line, final);
      if (!quoted) break;
      records.push({ line, fields: quoted.fields });
      line += quoted.lines;
      pos = quoted.next;
    }
    this.rest = pos < length ? buffer.slice(pos) : '';
    this.line = line;
    if (this.rest.length > MAX_RECORD_CHARS)
      throw new DelimitedSyntaxError(`no end of record within ${MAX_RECORD_CHARS} characters (a quote left open?)`, line);
    return records;
  }

  /** One record that has a quote, read field by field; undefined when the buffer ends before it does. */
  private quotedRecord(buffer: string, start: number, line: number, final: boolean): { fields: string[]; lines: number; next: number } | undefined {
    const fields: string[] = [];
    const length = buffer.length;
    let pos = start;
    let lines = 0;
    for (;;) {
      while (pos < length && buffer.charCodeAt(pos) !== this.delimiterCode && buffer.charCodeAt(pos) !== NEWLINE && isBlank(buffer.charCodeAt(pos))) pos++;
      if (pos < length && buffer.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const quote = buffer.indexOf('"', from);
          // A quote last in the buffer may be the first of a `""`: wait for the next chunk to tell.
          if (quote === -1 || (quote === length - 1 && !final)) {
            if (!final) return undefined;
            throw new DelimitedSyntaxError(`a quote opened at line ${line + newlines(buffer.slice(start, pos))} is never closed`, line);
          }
          if (buffer.charCodeAt(quote + 1) === QUOTE) {
            value += buffer.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += buffer.slice(from, quote);
          pos = quote + 1;
          break;
        }
        lines += newlines(value);
        fields.push(value);
        while (pos < length && buffer.charCodeAt(pos) !== this.delimiterCode && buffer.charCodeAt(pos) !== NEWLINE && isBlank(buffer.charCodeAt(pos))) pos++;
        if (pos < length && buffer.charCodeAt(pos) !== this.delimiterCode && buffer.charCodeAt(pos) !== NEWLINE) {
          throw new DelimitedSyntaxError(
            `text after the closing quote of field ${fields.length} at line ${line + lines}: a quote inside a quoted field is written ""`,
            line,
          );
        }
      } else {
        let end = pos;
        while (end < length && buffer.charCodeAt(end) !== this.delimiterCode && buffer.charCodeAt(end) !== NEWLINE) end++;
        fields.push(buffer.slice(pos, end).trim());
        pos = end;
      }
      if (pos >= length) {
        if (!final) return undefined;
        return { fields, lines: lines + 1, next: length };
      }
      if (buffer.charCodeAt(pos) === NEWLINE) return { fields, lines: lines + 1, next: pos + 1 };
      pos++; // the delimiter
    }
  }
}
