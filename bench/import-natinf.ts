import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ensureNatinfNatures } from '../src/subgraphs/referentials/import/natinf-natures';
import { importReferential } from '../src/subgraphs/referentials/import/import-referential';
import { NATINF_DEFINITION } from '../src/subgraphs/referentials/demo-data/referential-definitions';
import { Referential } from '../src/subgraphs/referentials/referential/referential.entity';
import { writeNatinfFile } from './natinf-generator';

/**
 * BENCH_LAYOUT=natinf: a full-size NATINF file in the ministry's layout (latin-1, CRLF, `;`, unquoted with bare
 * quotes, every nature, legal cells in the real shapes) imported into an empty hub, as a steward would.
 */
export async function benchNatinf(orm: MikroORM, url: string, rows: number): Promise<void> {
  const em = orm.em.fork();
  await ensureNatinfNatures(em, url);
  const referential = em.create(Referential, NATINF_DEFINITION);
  await em.flush();
  const file = join(await mkdtemp(join(tmpdir(), 'rj-bench-natinf-')), 'natinf.csv');
  await writeNatinfFile(file, rows);
  const started = process.hrtime.bigint();
  const report = await importReferential(url, referential, file, { publish: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (report.outcome !== 'WRITTEN') throw new Error(`NATINF import: ${report.outcome} ${JSON.stringify(report.issues.slice(0, 3))}`);
  const legal = report.legalReferences!;
  console.log(
    `\nNATINF import benchmark, ${rows.toLocaleString('en')} rows in the official layout (${((await stat(file)).size / 1e6).toFixed(1)} MB, latin-1, CRLF), ${new Date().toISOString()}`,
  );
  console.log(`| measure | value |\n| --- | --- |`);
  console.log(
    `| import of the whole file, published (validate, COPY, checks, diff, legal references, change events) | ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s |`,
  );
  console.log(`| rows imported / refused | ${report.diff?.added} / ${report.invalidRows} |`);
  console.log(
    `| legal-reference fragments parsed | ${legal.parsed.toLocaleString('en')} of ${legal.fragments.toLocaleString('en')} (${(legal.parsedShare * 100).toFixed(2)} %) |`,
  );
  console.log(
    `\nphases: ${Object.entries(report.timings)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(
    `unparsed patterns: ${legal.unparsedPatterns
      .slice(0, 5)
      .map((p) => `${p.pattern} (${p.count})`)
      .join('; ')}`,
  );
  if (seconds >= 10) process.exitCode = 3;
}
