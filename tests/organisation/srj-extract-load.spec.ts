import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config';
import { loadSrjExtract } from '../../src/subgraphs/organisation/srj-extract-load/load-srj-extract';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const DATA_DIR = loadConfig().dataDir;

async function count(db: TestDatabase, sql: string): Promise<number> {
  const [row] = await db.orm.em.fork().execute(sql);
  return Number(row.n);
}

/** A copy of the shared files with one of them rewritten by `edit`. */
async function dataDirWith(file: string, edit: (lines: string[]) => string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'srj-'));
  for (const name of ['juridictions.csv', 'communes-competences.csv']) {
    const text = await readFile(join(DATA_DIR, name), 'utf8');
    await writeFile(join(dir, name), name === file ? edit(text.split('\n')).join('\n') : text);
  }
  return dir;
}

describe('SRJ import from the shared files', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(() => db.drop());

  it('loads every court of the hierarchy and a competence for every commune', async () => {
    const report = await loadSrjExtract(db.orm.em.fork(), DATA_DIR);
    const communes = (await readFile(join(DATA_DIR, 'communes-competences.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(';')[0]);
    expect(await count(db, "select count(*) as n from court where type = 'COUR_APPEL'")).toBe(36);
    // A commune may lack every court only when all its court names were reported as unmatched.
    const covered = new Set((await db.orm.em.fork().execute('select distinct insee_code from territorial_competence')).map((r) => r.insee_code));
    const reported = new Set(report.unmatched.flatMap((u) => u.sampleInseeCodes));
    const uncovered = communes.filter((insee) => !covered.has(insee));
    expect(uncovered.length).toBeLessThan(10);
    for (const insee of uncovered) expect(reported).toContain(insee);
    expect(await count(db, 'select count(*) as n from court where parent_code is null')).toBe(36);
    expect(report.competences).toBe(await count(db, 'select count(*) as n from territorial_competence'));
    // Every ministry court of juridictions.csv but one line per court: CA + TJ/TPI + TPRX + CPH.
    expect(await count(db, "select count(*) as n from court where code !~ '^TC_'")).toBe(36 + 167 + 125 + 211);
  });

  it('reports the names it could not match, with the communes they leave uncovered', async () => {
    const report = await loadSrjExtract(db.orm.em.fork(), DATA_DIR);
    expect(report.unmatched.map((u) => u.sourceName)).toContain("Conseil de Prud'hommes de Châteaudun");
    const uncovered = report.unmatched.reduce((sum, u) => sum + u.communeCount, 0);
    const missing = await count(
      db,
      `select count(*) as n from (select insee_code from territorial_competence group by insee_code
      having count(*) filter (where kind = 'CONSEIL_PRUDHOMMES') = 0) t`,
    );
    expect(missing).toBeLessThanOrEqual(uncovered);
    // Directory rows that match no court are issues too; a name both files miss is one issue.
    const names = new Set([...report.unmatched, ...report.siteIssues].map((i) => `${i.kind}|${i.sourceName}`));
    expect(await count(db, 'select count(*) as n from competence_issue')).toBe(names.size);
  });

  it('refuses a bad court code with file, line and column, and keeps the stored data', async () => {
    const before = await count(db, 'select count(*) as n from territorial_competence');
    const dir = await dataDirWith('juridictions.csv', (lines) => {
      lines[4] = lines[4].replace(/^CPH;100014/, 'CPH;10X014');
      return lines;
    });
    await expect(loadSrjExtract(db.orm.em.fork(), dir)).rejects.toThrow('juridictions.csv:5: column code_ca: "10X014" is not a court code');
    expect(await count(db, 'select count(*) as n from territorial_competence')).toBe(before);
  });

  it('refuses a commune line with a missing column, naming the line', async () => {
    const dir = await dataDirWith('communes-competences.csv', (lines) => {
      lines[10] = lines[10].split(';').slice(0, 4).join(';') + '\r';
      return lines;
    });
    await expect(loadSrjExtract(db.orm.em.fork(), dir)).rejects.toThrow('communes-competences.csv:11: expected 6 columns separated by ";", found 4');
    expect(await count(db, "select count(*) as n from court where type = 'COUR_APPEL'")).toBe(36);
  });

  it('refuses a file whose header lacks a column', async () => {
    const dir = await dataDirWith('communes-competences.csv', (lines) => [lines[0].replace('tribunal_commerce', 'tc'), ...lines.slice(1)]);
    await expect(loadSrjExtract(db.orm.em.fork(), dir)).rejects.toThrow(
      /communes-competences\.csv:1: missing column\(s\) tribunal_commerce|communes-competences\.csv:2/,
    );
  });
});
