import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { importReferential } from '../src/subgraphs/referentials/import/import-referential';
import { copyLines } from '../src/subgraphs/referentials/import/copy-text';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { ormModel } from '../src/platform/orm-model';
import { benchNatinf } from './import-natinf';
import { createSyntheticReferential, syntheticLines, writeSyntheticFile } from './synthetic';

const RAW_COLUMNS = ['code', 'level', 'parent_code', 'label', 'nature', 'defined_by', 'punished_by'];
const NATINF = process.env.BENCH_LAYOUT === 'natinf';
const ROWS = Number(process.env.BENCH_ROWS ?? (NATINF ? 17_500 : 1_000_000));
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Dropped and created again by every run: two checkouts benchmarking at once name different ones. */
const DATABASE = process.env.BENCH_IMPORT_DATABASE ?? 'rj_bench_import';
const url = Object.assign(new URL(BASE_URL), { pathname: `/${DATABASE}` }).toString();

async function main(): Promise<void> {
  const admin = new Client({ connectionString: Object.assign(new URL(BASE_URL), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${DATABASE}" with (force)`);
  await admin.query(`create database "${DATABASE}"`);
  await admin.end();
  const orm = await connectOrm(url, ormModel);
  await migrate(orm);
  if (NATINF) {
    await benchNatinf(orm, url, ROWS);
    return void (await orm.close(true));
  }
  const referential = await createSyntheticReferential(orm.em.fork(), 'BENCH');
  const dir = await mkdtemp(join(tmpdir(), 'rj-bench-'));
  const file = join(dir, 'bench.csv');
  const changed = join(dir, 'bench-1pc.csv');
  await writeSyntheticFile(file, ROWS);
  await writeSyntheticFile(changed, ROWS, 100);

  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = process.hrtime.bigint();
    const result = await work();
    return [result, Number(process.hrtime.bigint() - started) / 1e9];
  };
  const [first, importSeconds] = await timed(() => importReferential(url, referential, file, { publish: true }));
  if (first.outcome !== 'WRITTEN') throw new Error(`first import: ${first.outcome} ${JSON.stringify(first.issues.slice(0, 3))}`);

  // The physical limit: the same rows COPYed into a plain table with the same columns, in this run; logged like the
  // import's tables (the fair limit) and, for reference, unlogged (no WAL at all).
  const client = new Client({ connectionString: url });
  await client.connect();
  const rawCopy = async (table: string, unlogged: boolean) => {
    await client.query(
      `create ${unlogged ? 'unlogged ' : ''}table ${table} (code text, level int, parent_code text, label text, nature text, defined_by text, punished_by text)`,
    );
    return (
      await timed(() =>
        copyLines(
          client,
          table,
          RAW_COLUMNS,
          (function* () {
            let header = true;
            for (const line of syntheticLines(ROWS)) {
              if (header) {
                header = false;
                continue;
              }
              yield line.replace(/;/g, '\t');
            }
          })(),
        ),
      )
    )[1];
  };
  const copySeconds = await rawCopy('raw_copy', false);
  const unloggedSeconds = await rawCopy('raw_copy_unlogged', true);
  await client.end();

  const [same, sameSeconds] = await timed(() => importReferential(url, referential, file, { publish: true }));
  const [onePercent, onePercentSeconds] = await timed(() => importReferential(url, referential, changed, { publish: true }));
  await orm.close(true);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const rate = ROWS / importSeconds;
  const copyRate = ROWS / copySeconds;
  console.log(`\nimport benchmark, ${ROWS.toLocaleString('en')} entries (3 levels, an ENUM attribute, 2 legal cells per leaf), ${new Date().toISOString()}`);
  console.log(`| measure | value |\n| --- | --- |`);
  console.log(
    `| first import (validate, COPY, checks, diff, publish, legal references) | ${importSeconds.toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} rows/s |`,
  );
  console.log(`| raw COPY of the same rows into a plain table | ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en')} rows/s |`);
  console.log(
    `| the same into an unlogged table (no WAL) | ${unloggedSeconds.toFixed(1)} s, ${Math.round(ROWS / unloggedSeconds).toLocaleString('en')} rows/s |`,
  );
  console.log(`| import / raw COPY | ${(rate / copyRate).toFixed(2)} |`);
  console.log(`| re-import of the identical file | ${sameSeconds.toFixed(1)} s (${same.outcome}) |`);
  console.log(
    `| re-import with 1% of rows changed | ${onePercentSeconds.toFixed(1)} s (${onePercent.diff?.changed} changed, ${onePercent.outcome}), ${(onePercentSeconds / importSeconds).toFixed(2)} of the first |`,
  );
  console.log(`| peak RSS of this process | ${peakMb.toFixed(0)} MB |`);
  const phases = (r: typeof first) =>
    Object.entries(r.timings)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
  console.log(`\nphases: first import: ${phases(first)}\n        identical: ${phases(same)}\n        1% changed: ${phases(onePercent)}`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
