import '../kernel/tracing/register-tracing'; // first: instrumentations must precede the modules they patch
import 'reflect-metadata';
import type { ImportOptions, ImportReport } from '../subgraphs/referentials/import/import-referential';
import { runImportJob } from '../subgraphs/referentials/import/run-import-job';
import { formatIssue } from '../subgraphs/referentials/import/read/import-issue';
import { importTarget } from '../subgraphs/referentials/import/import-target';
import type { ImportFormat } from '../subgraphs/referentials/import/read/layouts';
import { loadConfig } from '../kernel/config';
import { stopTracing } from '../kernel/tracing/running-tracing';
import { openDatabase } from '../kernel/database/database';
import { ormModel } from '../platform/orm-model';
import { parseArgs } from './args';

const USAGE =
  'usage: npm run import -- <referential> <file> [--format natinf|nac|csv|json] [--mapping <file.json>] [--dry-run] [--publish] [--skip-invalid] [--allow-mass-removal]';
const FORMATS = ['natinf', 'nac', 'csv', 'json'];

/** Rows, rows/s, share of the file and ETA: a bar that redraws on a terminal, a plain line every few seconds elsewhere (CI logs). */
function progress(): NonNullable<ImportOptions['onProgress']> {
  const started = Date.now();
  let lastLine = 0;
  return (rows, bytes) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(rows / Math.max(seconds, 0.001));
    const share = bytes.total ? bytes.read / bytes.total : 1;
    // Rows per second vary with row length; bytes per second give the steadier estimate.
    const eta = share > 0 ? Math.max(0, (seconds * (1 - share)) / share) : 0;
    const text = `${rows.toLocaleString('fr-FR')} rows read (${Math.round(share * 100)} %) · ${rate.toLocaleString('fr-FR')} rows/s · ${seconds.toFixed(1)} s · ETA ${eta.toFixed(0)} s`;
    if (process.stderr.isTTY) {
      const width = 20;
      const filled = Math.round(share * width);
      process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}   `);
    } else if (Date.now() - lastLine > 5000) {
      lastLine = Date.now();
      process.stderr.write(`${text}\n`);
    }
  };
}

function print(report: ImportReport): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
  const source = report.source ? ` (${report.source.encoding}, "${report.source.separator}")` : '';
  console.log(`${report.file}${source}: ${report.rowsRead} rows read, ${report.invalidRows} invalid`);
  for (const issue of report.issues) console.log(`  ${formatIssue(issue)}`);
  if (report.issueCount > report.issues.length) console.log(`  … and ${report.issueCount - report.issues.length} more problems`);
  if (report.diff) {
    const { added, changed, removed, unchanged, fields } = report.diff;
    const detail = Object.entries(fields)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    console.log(
      `  compared with the latest published release: ${added} added, ${changed} changed${detail ? ` (${detail})` : ''}, ${removed} end-dated, ${unchanged} unchanged`,
    );
  }
  const outcome = {
    REFUSED: report.refusal ? 'refused: nothing was written' : 'refused: nothing was written (fix the file, or pass --skip-invalid)',
    NO_CHANGE: 'no change: no release created',
    DRY_RUN: 'dry run: nothing was written',
    WRITTEN: `release ${report.release?.number} written as ${report.release?.status}`,
  }[report.outcome];
  if (report.refusal) console.log(`  ${report.refusal.message}`);
  console.log(`${report.referential}: ${outcome}`);
  console.log(
    `  time: ${Object.entries(report.timings)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
}

async function main(): Promise<number> {
  const {
    _: [code, file],
    options,
  } = parseArgs(process.argv.slice(2), ['dry-run', 'publish', 'skip-invalid', 'allow-mass-removal']);
  if (!code || !file) throw new Error(USAGE);
  const format = options.get('format')?.[0];
  if (format && !FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
  const database = await openDatabase(loadConfig(), ormModel);
  try {
    const referential = await importTarget(database.orm.em.fork(), database.url, code);
    if (!referential) throw new Error(`no referential ${code}: create it first (createReferential mutation)`);
    const importOptions: ImportOptions = {
      format: format as ImportFormat | undefined,
      mappingFile: options.get('mapping')?.[0],
      dryRun: options.has('dry-run'),
      publish: options.has('publish'),
      skipInvalid: options.has('skip-invalid'),
      allowMassRemoval: options.has('allow-mass-removal'),
      actor: process.env.USER ?? 'import',
      onProgress: progress(),
    };
    const { report } = await runImportJob(database.orm, database.url, referential, file, importOptions);
    if (!report) throw new Error('the import stopped without a report');
    print(report);
    return report.outcome === 'REFUSED' ? 2 : 0;
  } finally {
    await database.close();
  }
}

main()
  .then(
    (code) => code,
    (error: Error) => {
      console.error(error.message);
      return 1;
    },
  )
  .then(async (code) => {
    await stopTracing(); // the import's spans are exported before the process exits
    process.exit(code);
  });
