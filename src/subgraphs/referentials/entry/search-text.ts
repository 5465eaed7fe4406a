import { fold } from '../../../kernel/text/fold';

/** What full-text search indexes for an entry: its label and code, accent-folded, lower-case. */
export const searchTextOf = (code: string, label: string): string => `${fold(label)} ${fold(code)}`.toLowerCase();
