import fc from 'fast-check';
import { parse, specifiedRules, validate } from 'graphql';
import { loadSecurityConfig } from '../../src/kernel/auth/security-config';
import { queryCostRule } from '../../src/kernel/http/query-cost';
import { Role } from '../support/auth';
import type { Target } from '../support/graphql-client';
import { changedTables, problemsOf, rowCounts } from '../support/hostile-answers';
import { hostileFiles, hostileImportQuery, hostileExportQuery, hostilePathSegment, type HostileFile } from '../support/hostile-files';
import { describeValue, hostileValue } from '../support/hostile-values';
import { committedSupergraph, rootOperations, type RootOperation } from '../support/root-operations';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

/*
 * Every root query and mutation of the committed supergraph, and the import and export endpoints, fed generated
 * hostile values, anonymously and as an ADMIN (so that mutations run). Whatever the input: no 5xx and no server
 * error in the body, no SQL, path or stack text in the answer, the process still serving, and no row written by a
 * refused change. Seeded and bounded: HOSTILE_SEED and HOSTILE_RUNS replay or widen a run.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261128);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 8);
const TIMEOUT_MS = 20_000;
console.log(`hostile-input property suite: seed ${SEED}, ${RUNS} runs per operation and caller (HOSTILE_SEED, HOSTILE_RUNS)`);

const SCHEMA = committedSupergraph();
const { maxCost } = loadSecurityConfig({}).limits;
const OPERATIONS = rootOperations(SCHEMA, maxCost);

/** Each property its own seed, derived from the suite's and its name: different values per operation, replayable. */
const seedOf = (name: string): number => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

interface Answer {
  status: number;
  text: string;
}

async function send(url: string, init: RequestInit & { authorization?: string }): Promise<Answer> {
  const { authorization, ...rest } = init;
  try {
    const response = await fetch(url, {
      ...rest,
      headers: { ...(rest.headers as Record<string, string>), ...(authorization ? { authorization } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    // A reset connection or a cut body is a failure of the server as much as a 500.
    return { status: 599, text: `no complete answer: ${(error as Error).message}` };
  }
}

/** Variables without the omitted ones (undefined: the argument is left out), printed short in a failure report. */
const present = (variables: Record<string, unknown>): Record<string, unknown> =>
  Object.assign(Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined)), { [fc.toStringMethod]: () => describeValue(variables) });

/** A printable stand-in for a generated value in fast-check's report (huge strings summarised). */
const short = <T extends object>(value: T, text: string): T => Object.assign(value, { [fc.toStringMethod]: () => text });

const variablesOf = (operation: RootOperation): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(Object.fromEntries(operation.args.map((a) => [a.name, hostileValue(a.type, a.name)])), { requiredKeys: [] }).map(present);

/** Whether the answer refused the root field (so nothing may have been written). */
function refused(text: string, field: string): boolean {
  try {
    const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    return Boolean(body.errors?.length) && (body.data === null || body.data === undefined || body.data[field] === null || body.data[field] === undefined);
  } catch {
    return true;
  }
}

describe('hostile input: every root operation and the file endpoints keep serving, leak nothing, write nothing when they refuse', () => {
  const t = useTestServer('demo');
  const callers: [string, () => Target][] = [
    ['anonymous', () => t.server],
    ['ADMIN', () => t.as([Role.ADMIN])],
  ];
  const cases = OPERATIONS.flatMap((operation) =>
    callers.map(([who, caller]) => [`${operation.kind} ${operation.field} as ${who}`, operation, caller] as const),
  );

  it('derives the operations from the committed supergraph', () => {
    expect(OPERATIONS.filter((o) => o.kind === 'query').length).toBeGreaterThan(20);
    expect(OPERATIONS.filter((o) => o.kind === 'mutation').length).toBeGreaterThan(20);
    expect(OPERATIONS.find((o) => o.field === 'entries')?.document).toMatch(/\$release: Int/);
  });

  it('fuzzes every root field with a document the gateway accepts as it is (valid, under the cost limit), so arguments are reached', () => {
    const roots = [SCHEMA.getQueryType(), SCHEMA.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    expect(OPERATIONS.map((o) => o.field).sort()).toEqual(roots.sort());
    const refused = OPERATIONS.flatMap((o) =>
      validate(SCHEMA, parse(o.document), [...specifiedRules, queryCostRule(maxCost)]).map((e) => `${o.kind} ${o.field}: ${e.message}`),
    );
    expect(refused).toEqual([]);
    // Shrinking keeps what fits: the heavy operations still select objects under their root.
    expect(OPERATIONS.find((o) => o.field === 'impactOf')?.document).toMatch(/applications \{ application \{/);
  });

  it.each(cases)(
    '%s',
    async (name, operation, caller) => {
      await fc.assert(
        fc.asyncProperty(variablesOf(operation), async (variables) => {
          const target = caller();
          const authorization = await target.authorization;
          const before = operation.kind === 'mutation' ? await rowCounts(t.db.orm) : null;
          const answer = await send(`${target.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            authorization,
            body: JSON.stringify({ query: operation.document, variables }),
          });
          const problems = problemsOf(answer.status, answer.text);
          if (before && refused(answer.text, operation.field)) {
            const changed = changedTables(before, await rowCounts(t.db.orm));
            if (changed.length) problems.push(`refused, yet wrote: ${changed.join(', ')}`);
          }
          if (problems.length)
            throw new Error(`${problems.join('; ')}\n  variables: ${describeValue(variables)}\n  answer: ${answer.status} ${answer.text.slice(0, 300)}`);
        }),
        { seed: seedOf(name), numRuns: RUNS, endOnFailure: true },
      );
      await expectStillServing(t.server);
    },
    180_000,
  );

  it.each(callers)(
    'POST /imports/:referential as %s: hostile files and parameters',
    async (who, caller) => {
      await fc.assert(
        fc.asyncProperty(
          hostilePathSegment,
          hostileImportQuery,
          hostileFiles.map((f) => short(f, `${f.name}: ${describeValue(f.bytes.toString('utf8'))} (${f.bytes.length} bytes)`)),
          async (referential, query, file: HostileFile) => {
            const target = caller();
            const before = await rowCounts(t.db.orm, ['import_job']);
            const answer = await send(`${target.url}/imports/${referential}${query}`, {
              method: 'POST',
              headers: { 'content-type': file.type },
              authorization: await target.authorization,
              body: file.bytes,
            });
            const problems = problemsOf(answer.status, answer.text);
            if (answer.status >= 400) {
              const changed = changedTables(before, await rowCounts(t.db.orm, ['import_job']));
              if (changed.length) problems.push(`refused, yet wrote: ${changed.join(', ')}`);
            }
            if (problems.length)
              throw new Error(
                `${problems.join('; ')}\n  POST /imports/${referential}${query} with ${file.name}\n  answer: ${answer.status} ${answer.text.slice(0, 300)}`,
              );
          },
        ),
        { seed: seedOf(`imports ${who}`), numRuns: RUNS * 4, endOnFailure: true },
      );
      await expectStillServing(t.server);
    },
    300_000,
  );

  it.each(callers)(
    'GET /exports/:referential as %s: hostile parameters',
    async (who, caller) => {
      await fc.assert(
        fc.asyncProperty(hostilePathSegment, hostileExportQuery, async (referential, query) => {
          const target = caller();
          const answer = await send(`${target.url}/exports/${referential}${query}`, { authorization: await target.authorization });
          const problems = problemsOf(answer.status, answer.text);
          // A JSON export that says 200 must be whole (a cut stream once answered 200 with half an array).
          if (answer.status === 200 && query.includes('format=json')) {
            try {
              JSON.parse(answer.text);
            } catch {
              problems.push('a 200 JSON export that does not parse (cut short)');
            }
          }
          if (problems.length)
            throw new Error(`${problems.join('; ')}\n  GET /exports/${referential}${query}\n  answer: ${answer.status} ${answer.text.slice(0, 300)}`);
        }),
        { seed: seedOf(`exports ${who}`), numRuns: RUNS * 4, endOnFailure: true },
      );
      await expectStillServing(t.server);
    },
    300_000,
  );
});
