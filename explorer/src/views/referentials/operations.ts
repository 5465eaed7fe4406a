// Every operation of the Referential browser: the referentials subgraph's API in one place, to adjust after merge.
export const REFERENTIALS_FIELDS = ['natinfSearch', 'nacTree', 'referentialEntry', 'releaseDiff'];

export interface EntrySummary {
  code: string;
  label: string;
}

/** Up to 20 000 rows: the full NATINF list, rendered through a virtual list. */
export const NATINF_SEARCH = `query NatinfSearch($text: String!, $first: Int!) {
  natinfSearch(text: $text, first: $first) { totalCount nodes { code label } }
}`;
export interface NatinfSearch {
  natinfSearch: { totalCount: number; nodes: EntrySummary[] };
}

export const NAC_TREE = `query NacTree($parent: String) {
  nacTree(parent: $parent) { code label hasChildren }
}`;
export interface NacTree {
  nacTree: (EntrySummary & { hasChildren: boolean })[];
}

export const ENTRY_HISTORY = `query EntryHistory($referential: String!, $code: String!) {
  referentialEntry(referential: $referential, code: $code) {
    code label
    history { release validFrom validTo label change }
  }
}`;
export interface EntryHistory {
  referentialEntry: (EntrySummary & { history: { release: number; validFrom: string | null; validTo: string | null; label: string; change: string }[] }) | null;
}

export const RELEASE_DIFF = `query ReleaseDiff($referential: String!, $from: Int, $to: Int) {
  releaseDiff(referential: $referential, from: $from, to: $to) {
    from to
    added { code label }
    removed { code label }
    changed { code before after }
  }
}`;
export interface ReleaseDiff {
  releaseDiff: {
    from: number;
    to: number;
    added: EntrySummary[];
    removed: EntrySummary[];
    changed: { code: string; before: string; after: string }[];
  };
}
