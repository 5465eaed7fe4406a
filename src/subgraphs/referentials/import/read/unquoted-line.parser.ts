import type { DelimitedRecord } from './delimited.parser';

const CR = 0x0d;

/**
 * The ministry's own layout (NATINF): one record per line, fields never quoted, so a `"` is text wherever it
 * stands (`… LE PANNEAU "STOP" A …`, even first in a field). The one exception is what an export writes for a
 * value holding the separator: a field wholly wrapped in quotes (`"a;b"`, `""` for a quote), closed before the
 * next separator or the end of the line. Same interface as `DelimitedParser`: trimmed fields, the line of each
 * record, blank lines skipped.
 */
export class UnquotedLineParser {
  private rest = '';
  private line = 1;
  private started = false;

  constructor(private readonly delimiter: string) {}

  push(text: string): DelimitedRecord[] {
    return this.parse(text, false);
  }

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
    let pos = 0;
    while (pos < buffer.length) {
      let newline = buffer.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) break;
        newline = buffer.length;
      }
      const end = newline > pos && buffer.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      const text = buffer.slice(pos, end);
      const fields = text.includes('"') ? this.splitWithQuotes(text) : text.split(this.delimiter);
      for (let i = 0; i < fields.length; i++) fields[i] = fields[i].trim();
      if (fields.length > 1 || fields[0] !== '') records.push({ line: this.line, fields });
      this.line++;
      pos = newline + 1;
    }
    this.rest = pos < buffer.length ? buffer.slice(pos) : '';
    return records;
  }

  /** Fields of a line holding a quote: literal, but for a field wholly quoted (`"a;b"`). */
  private splitWithQuotes(line: string): string[] {
    const fields: string[] = [];
    let pos = 0;
    for (;;) {
      const quoted = this.wholeQuotedField(line, pos);
      if (quoted) {
        fields.push(quoted.value);
        pos = quoted.next;
      } else {
        const next = line.indexOf(this.delimiter, pos);
        fields.push(line.slice(pos, next === -1 ? line.length : next));
        pos = next === -1 ? line.length : next;
      }
      if (pos >= line.length) return fields;
      pos++; // the delimiter
    }
  }

  private wholeQuotedField(line: string, start: number): { value: string; next: number } | undefined {
    let pos = start;
    while (pos < line.length && line[pos] === ' ') pos++;
    if (line[pos] !== '"') return undefined;
    let value = '';
    for (let from = pos + 1; ;) {
      const quote = line.indexOf('"', from);
      if (quote === -1) return undefined;
      if (line[quote + 1] === '"') {
        value += line.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      value += line.slice(from, quote);
      let after = quote + 1;
      while (after < line.length && line[after] === ' ') after++;
      return after >= line.length || line[after] === this.delimiter ? { value, next: after } : undefined;
    }
  }
}
