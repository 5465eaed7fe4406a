import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportReferential } from '../../src/subgraphs/referentials/export-formats/export-referential';
import { loadConfig } from '../../src/kernel/config';
import { Referential } from '../../src/subgraphs/referentials/referential/referential.entity';
import { aReferential, gqlOk } from '../builders/referential-release.builder';
import { connectOrm } from '../../src/kernel/database/database';
import { ormModel } from '../../src/platform/orm-model';
import { startOneProcessServer } from '../../src/platform/servers';
import { bearer, Role, testSecurity } from '../support/auth';
import { FaultProxy } from '../support/fault-proxy';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';

const NATINF_FILE = join(loadConfig().dataDir, 'natinf-sample.csv');

/** Exports never crash the process nor answer a clean 200 with a cut body; what they write re-imports as "no change". */
describe('exports: bad parameters, database failures, and the export → import round trip', () => {
  const t = useTestServer('demo', withoutApproval('NATINF', 'NAC'));

  const upload = async (referential: string, body: Buffer | string, query = '') =>
    fetch(`${t.server.url}/imports/${referential}${query}`, { method: 'POST', headers: { authorization: await bearer([Role.STEWARD], [referential]) }, body });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.orm.em.fork().execute(sql, params))[0].n);

  it.each([
    ['at=0000-01-01', 'at'],
    ['at=2026-02-30', 'at'],
    ['at=yesterday', 'at'],
    ['at=10000-01-01', 'at'],
    ['release=abc', 'release'],
    ['release=0', 'release'],
    ['release=-1', 'release'],
    ['release=99999999999', 'release'],
    ['release=1&release=2', 'release'],
    ['format=xml', 'format'],
  ])('refuses /exports/NATINF?%s with a 400 naming the parameter, and keeps serving', async (query, field) => {
    const response = await fetch(`${t.server.url}/exports/NATINF?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([{ message: expect.stringContaining(field), extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field } }]);
    expect((await fetch(`${t.server.url}/exports/NATINF`)).status).toBe(200);
    await expectStillServing(t.server);
  });

  it('answers 404 for a release that does not exist, and exports the oldest day PostgreSQL knows', async () => {
    expect((await fetch(`${t.server.url}/exports/NATINF?release=999`)).status).toBe(404);
    const oldest = await fetch(`${t.server.url}/exports/NAC?format=json&at=0001-01-01`);
    expect(oldest.status).toBe(200);
    expect(Array.isArray(await oldest.json())).toBe(true);
  });

  it('rejects (instead of streaming) when the database refuses the first page', async () => {
    const em = t.db.orm.em.fork();
    const natinf = await em.findOneOrFail(Referential, 'NATINF');
    // Past the HTTP checks, as a caller of the function could: PostgreSQL has no year 0.
    await expect(exportReferential(em, natinf, { release: 1, format: 'csv', at: '0000-01-01' })).rejects.toThrow();
  });

  it('cuts the transfer (never a clean 200) when the database connection is lost midway, and keeps serving', async () => {
    await aReferential(t.as([Role.ADMIN]), 'BIG');
    const em = t.db.orm.em.fork();
    await em.execute(
      `insert into referential_release (referential_code, number, status, created_by, published_by, published_at) values ('BIG', 1, 'PUBLISHED', 'test', 'test', now())`,
    );
    await em.execute(`insert into referential_entry (referential_code, recorded_in, code, label, level, attributes, search_text)
      select 'BIG', 1, 'C' || lpad(i::text, 7, '0'), repeat('Libellé long ', 20) || i, 1, '{}', 'c' || i from generate_series(1, 80000) i`);
    // A server of its own reaches PostgreSQL through a proxy that can cut every connection and refuse new ones,
    // so the export's next page fails whatever the timing (terminating the backends let the pool reconnect).
    const target = new URL(t.db.url);
    const proxy = await new FaultProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    const orm = await connectOrm(proxy.through(t.db.url), ormModel);
    const server = await startOneProcessServer(orm, { host: '127.0.0.1', port: 0 }, await testSecurity());
    try {
      const response = await fetch(`${server.url}/exports/BIG?format=json`);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      await reader.read();
      // The export waits on the unread socket (backpressure) while the database goes away under it.
      proxy.cut();
      const drain = async () => {
        for (;;) if ((await reader.read()).done) return 'complete';
      };
      await expect(drain()).rejects.toThrow();
      proxy.restore();
      await expectStillServing(server);
    } finally {
      await server.stop();
      await orm.close(true);
      await proxy.stop();
    }
  });

  it('exports NATINF as in force today (official layout, no validity column): re-importing it changes nothing', async () => {
    // Release A: three offences missing from the file are end-dated today.
    const lines = (await readFile(NATINF_FILE, 'latin1')).split('\r\n').filter(Boolean);
    const ended = lines.slice(1, 4).map((l) => l.split(';')[0]);
    const withoutThree = Buffer.from(`${[lines[0], ...lines.slice(4)].join('\r\n')}\r\n`, 'latin1');
    const first = await upload('NATINF', withoutThree, '?publish=true&filename=natinf-t3.csv');
    expect(await first.json()).toMatchObject({ outcome: 'WRITTEN', diff: { removed: 3 } });
    // Release B: a steward schedules the end of another offence (later than today).
    const later = lines[5].split(';')[0];
    const admin = t.as([Role.ADMIN]);
    const { createDraft: draft } = await gqlOk(admin, `mutation { createDraft(referential: "NATINF") { version } }`);
    await gqlOk(
      admin,
      `mutation($v: Int!, $code: ID!) { endDateEntry(referential: "NATINF", expectedVersion: $v, code: $code, validTo: "2099-12-31") { code } }`,
      { v: draft.version, code: later },
    );
    await gqlOk(admin, `mutation($v: Int!) { publishRelease(referential: "NATINF", expectedVersion: $v) { number } }`, { v: draft.version + 1 });

    const exported = Buffer.from(await (await fetch(`${t.server.url}/exports/NATINF`)).arrayBuffer());
    const codes = exported
      .toString('latin1')
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(';')[0]);
    expect(codes).toHaveLength(lines.length - 1 - 3);
    for (const code of ended) expect(codes).not.toContain(code);
    expect(codes).toContain(later);
    const releases = await count(`select count(*) as n from referential_release where referential_code = 'NATINF'`);
    const csv = await upload('NATINF', exported, '?publish=true&filename=natinf-export.csv');
    expect(await csv.json()).toMatchObject({ outcome: 'NO_CHANGE', diff: { added: 0, changed: 0, removed: 0 } });
    // JSON carries the validity columns: every entry, ended or not, and still no change.
    const json = Buffer.from(await (await fetch(`${t.server.url}/exports/NATINF?format=json`)).arrayBuffer());
    expect((JSON.parse(json.toString()) as unknown[]).length).toBe(lines.length - 1);
    const again = await upload('NATINF', json, '?publish=true&format=json&filename=natinf.json');
    expect(await again.json()).toMatchObject({ outcome: 'NO_CHANGE', diff: { added: 0, changed: 0, removed: 0 } });
    expect(await count(`select count(*) as n from referential_release where referential_code = 'NATINF'`)).toBe(releases);
  });
});
