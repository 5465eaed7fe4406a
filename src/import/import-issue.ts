/** One problem found in an import file, located for the steward who must fix it. */
export interface ImportIssue {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

export const formatIssue = (i: ImportIssue): string => `${i.file}:${i.line}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`;

/** Keeps the first `cap` issues and counts them all: a broken 17,000-line file must not flood memory or the screen. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  count = 0;
  readonly badLines = new Set<number>();

  constructor(private readonly cap = 200) {}

  add(issue: ImportIssue): void {
    this.count += 1;
    this.badLines.add(issue.line);
    if (this.issues.length < this.cap) this.issues.push(issue);
  }
}
