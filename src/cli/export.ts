import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { exportReferential } from '../subgraphs/referentials/export-formats/export-referential';
import { exportQueryProblem } from '../subgraphs/referentials/export-formats/export-query';
import type { Principal } from '../kernel/auth/principal';
import { Role } from '../kernel/auth/role.enum';
import { loadConfig } from '../kernel/config';
import { openDatabase } from '../kernel/database/database';
import { ormModel } from '../platform/orm-model';
import { ReleaseService } from '../subgraphs/referentials/release/release.service';
import { parseArgs } from './args';

/** The operator at the command line holds the database's own credentials: every release, drafts included. */
const OPERATOR: Principal = { kind: 'user', id: 'cli', roles: [Role.ADMIN], stewardOf: [] };

/** `npm run export -- <referential> [--release N] [--at YYYY-MM-DD] [--format csv|json] [--out file]` (stdout by default). */
async function main(): Promise<void> {
  const {
    _: [code],
    options,
  } = parseArgs(process.argv.slice(2));
  if (!code) throw new Error('usage: npm run export -- <referential> [--release N] [--at YYYY-MM-DD] [--format csv|json] [--out file]');
  const format = options.get('format')?.[0] ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new Error('--format must be csv or json');
  const problem = exportQueryProblem({ release: options.get('release')?.[0], at: options.get('at')?.[0] });
  if (problem) throw new Error(`--${problem.field}: ${problem.message}`);
  const database = await openDatabase(loadConfig(), ormModel);
  try {
    const em = database.orm.em.fork();
    const releases = new ReleaseService(em);
    const referential = await releases.requireReferential(code);
    const asked = options.get('release')?.[0];
    const release = await releases.readable(code, asked === undefined ? undefined : Number(asked), OPERATOR);
    if (release === null) throw new Error(`${code} has no published release`);
    const out = options.get('out')?.[0];
    await pipeline(await exportReferential(em, referential, { release, at: options.get('at')?.[0], format }), out ? createWriteStream(out) : process.stdout);
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
