// Every operation of the Referential browser: the referentials subgraph's API in one place.
export const REFERENTIALS_FIELDS = ['entries', 'entry', 'entryHistory', 'releaseDiff', 'referential'];

/** The subgraph's page size limit: long lists are read a page at a time as one scrolls. */
export const PAGE_SIZE = 100;

export interface EntrySummary {
  code: string;
  label: string;
}

export const ENTRY_PAGE = `query EntryPage($referential: ID!, $search: String, $after: String, $first: Int!) {
  entries(referential: $referential, filter: { search: $search }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code label } }
  }
}`;
export interface EntryPage {
  entries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: EntrySummary }[] };
}

/** One level of the NAC: the top (level 1) or a node's children, each saying whether it has any below. */
export const NAC_LEVEL = `query NacLevel($filter: EntriesFilter) {
  entries(referential: "NAC", filter: $filter, first: 100) {
    pageInfo { hasNextPage }
    edges { node { code label level children { code } } }
  }
}`;
export interface NacLevel {
  entries: { pageInfo: { hasNextPage: boolean }; edges: { node: EntrySummary & { level: number; children: { code: string }[] } }[] };
}

export const ENTRY_DETAILS = `query EntryDetails($referential: ID!, $code: ID!) {
  entry(referential: $referential, code: $code) {
    code label attributes
    ancestors { code label }
    legalReferences { role raw }
  }
  entryHistory(referential: $referential, code: $code) { code label validFrom validTo recordedIn supersededIn }
}`;
export interface EntryDetails {
  entry:
    | (EntrySummary & { attributes: Record<string, unknown>; ancestors: EntrySummary[]; legalReferences: { role: 'DEFINES' | 'PUNISHES'; raw: string }[] })
    | null;
  entryHistory: (EntrySummary & { validFrom: string | null; validTo: string | null; recordedIn: number; supersededIn: number | null })[];
}

export const RELEASES = `query Releases($referential: ID!) {
  referential(code: $referential) { code name releases { number status publishedAt } }
}`;
export interface Releases {
  referential: { code: string; name: string; releases: { number: number; status: 'DRAFT' | 'PUBLISHED' | 'RETIRED'; publishedAt: string | null }[] } | null;
}

export const RELEASE_DIFF = `query ReleaseDiff($referential: ID!, $from: Int!, $to: Int!) {
  releaseDiff(referential: $referential, from: $from, to: $to) {
    from to
    added { code label }
    removed { code label }
    changed { code before { label } after { label } changes { field before after } }
  }
}`;
export interface ReleaseDiff {
  releaseDiff: {
    from: number;
    to: number;
    added: EntrySummary[];
    removed: EntrySummary[];
    changed: { code: string; before: { label: string }; after: { label: string }; changes: { field: string; before: string | null; after: string | null }[] }[];
  };
}
