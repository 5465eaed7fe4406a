import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { importReferential } from '../src/import/import-referential';
import { connectOrm, migrate } from '../src/kernel/database/database';
import { AttributeType } from '../src/subgraphs/referentials/referential/attribute-definition.type';
import { ReferentialDomain } from '../src/subgraphs/referentials/referential/referential-domain.enum';
import { Referential } from '../src/subgraphs/referentials/referential/referential.entity';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const url = Object.assign(new URL(BASE_URL), { pathname: '/rj_bench_import' }).toString();
const WORDS = ['CONDUITE', 'VEHICULE', 'ETAT', 'IVRESSE', 'VOL', 'ESCROQUERIE', 'DEGRADATION', 'BIEN', 'AUTRUI', 'MENACE', 'VIOLENCE', 'TRAVAIL', 'FRAUDE', 'CHEQUE', 'ROUTE'];
const NATURES = ['Crime', 'Délit', 'Contravention de classe 5'];

/** A three-level list (100 × 100 × rest) with an ENUM attribute and NATINF-like legal cells on every leaf. */
function* lines(changeEvery = 0): Generator<string> {
  yield 'code;level;parent_code;label;nature;defined_by;punished_by\n';
  for (let i = 0; i < ROWS; i++) {
    const level = i < 100 ? 1 : i < 10_100 ? 2 : 3;
    const parent = level === 1 ? '' : level === 2 ? `A${i % 100}` : `B${100 + (i % 10_000)}`;
    const code = level === 1 ? `A${i}` : level === 2 ? `B${i}` : `C${i}`;
    const changed = changeEvery > 0 && i % changeEvery === 0 ? ' MODIFIE' : '';
    const label = `${WORDS[i % 15]} ${WORDS[(i * 7) % 15]} ${WORDS[(i * 11) % 15]} ${i}${changed}`;
    const cells = level === 3 ? `ART.L.${i % 900}-1 AL.1 C.ROUTE.;ART.L.${i % 900}-2, ART.131-30 AL.1 C.PENAL.` : ';';
    yield `${code};${level};${parent};${label};${NATURES[i % 3]};${cells}\n`;
  }
}

async function writeFile(path: string, changeEvery = 0): Promise<void> {
  await pipeline(Readable.from(lines(changeEvery)), createWriteStream(path));
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: Object.assign(new URL(BASE_URL), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query('drop database if exists rj_bench_import with (force)');
  await admin.query('create database rj_bench_import');
  await admin.end();
  const orm = await connectOrm(url);
  await migrate(orm);
  const em = orm.em.fork();
  const referential = em.create(Referential, {
    code: 'BENCH', name: 'Synthetic', domain: ReferentialDomain.PENAL, ownerBureau: 'bench', levels: ['L1', 'L2', 'L3'],
    attributeDefinitions: [{ name: 'nature', type: AttributeType.ENUM, required: true, values: NATURES }],
  });
  await em.flush();
  const dir = await mkdtemp(join(tmpdir(), 'rj-bench-'));
  const file = join(dir, 'bench.csv');
  const changed = join(dir, 'bench-1pc.csv');
  await writeFile(file);
  await writeFile(changed, 100);

  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = process.hrtime.bigint();
    const result = await work();
    return [result, Number(process.hrtime.bigint() - started) / 1e9];
  };
  const [first, importSeconds] = await timed(() => importReferential(url, referential, file, { publish: true }));
  if (first.outcome !== 'WRITTEN') throw new Error(`first import: ${first.outcome} ${JSON.stringify(first.issues.slice(0, 3))}`);

  // The physical limit: the same rows, COPYed into an equivalent plain table (same columns, same text) in this run.
  const pool = new Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  await client.query('create unlogged table raw_copy (code text, level int, parent_code text, label text, nature text, defined_by text, punished_by text)');
  const [, copySeconds] = await timed(async () => {
    await pipeline(Readable.from((function* () { let header = true; for (const line of lines()) { if (header) { header = false; continue; } yield line.replace(/;/g, '\t'); } })()),
      client.query(copyFrom('copy raw_copy from stdin')));
  });
  client.release();
  await pool.end();

  const [same, sameSeconds] = await timed(() => importReferential(url, referential, file, { publish: true }));
  const [onePercent, onePercentSeconds] = await timed(() => importReferential(url, referential, changed, { publish: true }));
  await orm.close(true);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const rate = ROWS / importSeconds;
  const copyRate = ROWS / copySeconds;
  console.log(`\nimport benchmark, ${ROWS.toLocaleString('en')} entries (3 levels, an ENUM attribute, 2 legal cells per leaf), ${new Date().toISOString()}`);
  console.log(`| measure | value |\n| --- | --- |`);
  console.log(`| first import (validate, COPY, checks, diff, publish, legal references) | ${importSeconds.toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} rows/s |`);
  console.log(`| raw COPY of the same rows into a plain table | ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en')} rows/s |`);
  console.log(`| import / raw COPY | ${(rate / copyRate).toFixed(2)} |`);
  console.log(`| re-import of the identical file | ${sameSeconds.toFixed(1)} s (${same.outcome}) |`);
  console.log(`| re-import with 1% of rows changed | ${onePercentSeconds.toFixed(1)} s (${onePercent.diff?.changed} changed, ${onePercent.outcome}), ${(onePercentSeconds / importSeconds).toFixed(2)} of the first |`);
  console.log(`| peak RSS of this process | ${peakMb.toFixed(0)} MB |`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
