import type { HttpServer } from '../../src/kernel/http/http-server';
import { gql } from '../support/graphql-client';
import type { Untyped } from '../support/untyped';

type Server = Pick<HttpServer, 'url'>;

export interface EntryEdit {
  code: string;
  label?: string;
  parentCode?: string;
  /** End-date the entry that day instead of upserting it. */
  endOn?: string;
}

async function ok<T = Untyped>(server: Server, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await gql<T>(server, query, variables);
  if (errors) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data as T;
}

/** A flat code list with no attributes, created through the API. */
export async function aReferential(server: Server, code: string): Promise<void> {
  await ok(server, `mutation($input: CreateReferentialInput!) { createReferential(input: $input) { code } }`, {
    input: { code, name: `Liste ${code}`, domain: 'GESTION', ownerBureau: 'SDSI', levels: [], attributes: [] },
  });
}

/** Opens a draft, applies the edits, publishes it, as a steward would; returns the release number. */
export async function publishRelease(server: Server, referential: string, edits: EntryEdit[]): Promise<number> {
  const draft = (await ok(server, `mutation($r: ID!) { createDraft(referential: $r) { number version } }`, { r: referential })).createDraft;
  let version: number = draft.version;
  for (const edit of edits) {
    if (edit.endOn) {
      await ok(
        server,
        `mutation($r: ID!, $v: Int!, $code: ID!, $to: LocalDate!) { endDateEntry(referential: $r, expectedVersion: $v, code: $code, validTo: $to) { code } }`,
        { r: referential, v: version, code: edit.code, to: edit.endOn },
      );
    } else {
      await ok(server, `mutation($r: ID!, $v: Int!, $input: UpsertEntryInput!) { upsertEntry(referential: $r, expectedVersion: $v, input: $input) { code } }`, {
        r: referential,
        v: version,
        input: { code: edit.code, label: edit.label ?? `Libellé ${edit.code}`, parentCode: edit.parentCode },
      });
    }
    version += 1;
  }
  // End-dating in a small list is a large share of it: confirmed, as a steward would.
  await ok(server, `mutation($r: ID!, $v: Int!, $m: Boolean) { publishRelease(referential: $r, expectedVersion: $v, allowMassRemoval: $m) { number } }`, {
    r: referential,
    v: version,
    m: edits.some((e) => e.endOn),
  });
  return draft.number;
}

export const CHANGES = `query($since: ID, $refs: [String!], $types: [ChangeType!], $first: Int) {
  changes(since: $since, referentials: $refs, types: $types, first: $first) {
    endCursor hasMore events { cursor type domain entityType entityKey releaseNumber payload idempotencyKey occurredAt } } }`;

/** Every event after `since`, page by page, as a resynchronising application reads them. */
export async function readAllChanges(
  server: Server,
  options: { since?: string | null; refs?: string[]; first?: number } = {},
): Promise<{ events: Untyped[]; endCursor: string | null }> {
  const events: Untyped[] = [];
  let since = options.since ?? null;
  for (;;) {
    const page = (await ok(server, CHANGES, { since, refs: options.refs, first: options.first ?? 500 })).changes;
    events.push(...page.events);
    since = page.endCursor;
    if (!page.hasMore) return { events, endCursor: since };
  }
}

export { ok as gqlOk };
