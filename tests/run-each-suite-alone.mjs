#!/usr/bin/env node
// Runs every Jest suite on its own (one Jest process per suite), or with --tests every test on its own, so that a
// test which only passes after another one shows up. Usage:
//   node tests/run-each-suite-alone.mjs [--tests] [path-or-pattern…]
// --tests: round k runs the k-th test of every suite, selected by `-t '^<full name>$'`, so each suite runs exactly one
// test per round (suites run side by side, as in `npm test`); a suite that ran more or fewer tests is reported.
// Exits 1 when anything failed. Logs and Jest's JSON reports go to artifacts/test-alone/.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const out = join(root, 'artifacts', 'test-alone');
mkdirSync(out, { recursive: true });

const args = process.argv.slice(2);
const perTest = args.includes('--tests');
const patterns = args.filter((a) => a !== '--tests');

// Every run of this script builds the template databases once; the other Jest runs reuse them (global-setup.ts).
const env = { ...process.env, TEST_TEMPLATES_REUSE: `alone-${process.pid}-${Date.now()}` };

function jest(jestArgs, log) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [jestBin, '--ci', ...jestArgs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      writeFileSync(log, output);
      resolve({ code, output, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    });
  });
}

const failureTitles = (output) =>
  output
    .split('\n')
    .filter((line) => /^\s+● /.test(line))
    .map((line) => `      ${line.trim()}`);
const logName = (file) => join(out, `${relative(join(root, 'tests'), file).replaceAll('/', '__')}.log`);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const listed = await jest(['--listTests', ...patterns], join(out, 'list.log'));
const suites = listed.output
  .split('\n')
  .filter((line) => line.endsWith('.spec.ts'))
  .sort();
if (listed.code !== 0 || suites.length === 0) {
  console.error(`no suite found:\n${listed.output}`);
  process.exit(1);
}

const failures = [];
if (!perTest) {
  console.log(`${suites.length} suites, one Jest run each`);
  for (const suite of suites) {
    const name = relative(root, suite);
    const { code, output, seconds } = await jest(['--runTestsByPath', suite], logName(suite));
    console.log(`${code === 0 ? 'PASS' : 'FAIL'}  ${name}  (${seconds} s)`);
    if (code !== 0) {
      failures.push(name);
      console.log([...failureTitles(output), `      log: ${relative(root, logName(suite))}`].join('\n'));
    }
  }
} else {
  // The names of every test, from a run that selects none (Jest reports them as skipped).
  const listing = join(out, 'tests.json');
  await jest(['--json', `--outputFile=${listing}`, '--runTestsByPath', ...suites, '-t', '^$'], join(out, 'tests.log'));
  const report = JSON.parse(readFileSync(listing, 'utf8'));
  const names = new Map(report.testResults.map((r) => [r.name, r.assertionResults.map((a) => a.fullName)]));
  const rounds = Math.max(...[...names.values()].map((n) => n.length));
  console.log(`${[...names.values()].flat().length} tests in ${names.size} suites, ${rounds} rounds of one test per suite`);
  for (let round = 0; round < rounds; round++) {
    const picked = [...names].filter(([, tests]) => tests[round] !== undefined).map(([suite, tests]) => [suite, tests[round]]);
    const file = join(out, `round-${round + 1}.json`);
    const pattern = `^(?:${picked.map(([, test]) => escape(test)).join('|')})$`;
    await jest(['--json', `--outputFile=${file}`, '--runTestsByPath', ...picked.map(([suite]) => suite), '-t', pattern], join(out, `round-${round + 1}.log`));
    const results = new Map(JSON.parse(readFileSync(file, 'utf8')).testResults.map((r) => [r.name, r]));
    for (const [suite, test] of picked) {
      const result = results.get(suite);
      const ran = (result?.assertionResults ?? []).filter((a) => a.status === 'passed' || a.status === 'failed');
      const ok = result?.status !== 'failed' && ran.length === 1 && ran[0].status === 'passed' && ran[0].fullName === test;
      const name = `${relative(root, suite)} › ${test}`;
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
      if (!ok) {
        failures.push(name);
        const why = ran.length === 1 ? ran[0].failureMessages.join('\n') : result?.message || `${ran.length} tests ran instead of 1`;
        console.log(
          why
            .split('\n')
            .slice(0, 12)
            .map((line) => `      ${line}`)
            .join('\n'),
        );
      }
    }
  }
}

console.log(failures.length ? `\n${failures.length} failed:\n${failures.map((f) => `  ${f}`).join('\n')}` : '\nall passed');
process.exit(failures.length ? 1 : 0);
