/** One problem found in an import file, located for the steward who must fix it. */
export interface ImportIssue {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

/** NUL written as \0: a job's errors are stored in PostgreSQL, whose text and JSON cannot hold it. */
export const withoutNul = (text: string): string => text.replace(/\0/g, '\\0');

export const formatIssue = (i: ImportIssue): string => withoutNul(`${i.file}:${i.line}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`);

/** Keeps the first `cap` issues and counts them all: a broken 17,000-line file must not flood memory or the screen. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  count = 0;
  readonly badLines = new Set<number>();
  /** Whether an issue stopped the reading (see `add`). */
  fatal = false;

  constructor(private readonly cap = 200) {}

  /** `fatal`: the file cannot be taken as a whole (unread to its end, no data row): refused whatever `skipInvalid` says. */
  add({ fatal, ...issue }: ImportIssue & { fatal?: boolean }): void {
    this.count += 1;
    this.badLines.add(issue.line);
    if (fatal) this.fatal = true;
    if (this.issues.length < this.cap) this.issues.push(issue);
  }
}
