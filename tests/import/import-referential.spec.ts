import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { exportReferential } from '../../src/subgraphs/referentials/export-formats/export-referential';
import { importReferential } from '../../src/subgraphs/referentials/import/import-referential';
import { ImportRefusedError } from '../../src/subgraphs/referentials/referentials.exception';
import { loadConfig } from '../../src/kernel/config';
import { ensureNatinfNatures } from '../../src/subgraphs/referentials/import/natinf-natures';
import { NAC_DEFINITION, NATINF_DEFINITION, NATINF_NATURE_TERMS } from '../../src/subgraphs/referentials/demo-data/referential-definitions';
import { Referential } from '../../src/subgraphs/referentials/referential/referential.entity';
import { RELEASE_CHANGES_SQL } from '../../src/subgraphs/referentials/release/release-changes';
import { once } from '../support/once';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const DATA = loadConfig().dataDir;
const NATINF_FILE = join(DATA, 'natinf-sample.csv');

describe('importing a referential file', () => {
  let db: TestDatabase;
  let dir: string;
  let natinf: Referential;
  let nac: Referential;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
    dir = await mkdtemp(join(tmpdir(), 'rj-import-'));
    const em = db.orm.em.fork();
    natinf = em.create(Referential, NATINF_DEFINITION);
    nac = em.create(Referential, NAC_DEFINITION);
    await em.flush();
    await ensureNatinfNatures(em, db.url);
  });
  afterAll(() => db.drop());

  const count = async (sql: string, params: unknown[] = []) => Number((await db.orm.em.fork().execute(sql, params))[0].n);
  const releases = (code: string) => count('select count(*) as n from referential_release where referential_code = ?', [code]);
  /** The shared NATINF file, edited line by line (lines[0] is the header), written in latin-1 with CRLF like the original. */
  const natinfWith = async (name: string, edit: (lines: string[]) => string[]) => {
    const lines = (await readFile(NATINF_FILE, 'latin1')).split('\r\n').filter(Boolean);
    const path = join(dir, name);
    await writeFile(path, `${edit(lines).join('\r\n')}\r\n`, 'latin1');
    return path;
  };

  // NATINF's history, each import run once by the first test that needs it: the official file, then two edits of it.
  const officialNatinf = once(() => importReferential(db.url, natinf, NATINF_FILE, { publish: true }));
  const partlyValidNatinf = once(async () => {
    await officialNatinf();
    const path = await natinfWith('partly.csv', (lines) => {
      lines[2] = lines[2].replace(/^23;/, '23;Contravention de classe 9;X;');
      lines[5] = lines[5].replace(/^(\d+);/, '$1;').replace(';Délit;', ';Délit;') + ';extra';
      return lines.filter((_, i) => i !== 10); // and one entry removed
    });
    return importReferential(db.url, natinf, path, { publish: true, skipInvalid: true });
  });

  it('imports the official latin-1 NATINF file with no rejected row and its accents intact', async () => {
    const report = await officialNatinf();
    expect(report).toMatchObject({
      outcome: 'WRITTEN',
      issueCount: 0,
      invalidRows: 0,
      release: { number: 1, status: 'PUBLISHED' },
      source: { encoding: 'windows-1252', separator: ';' },
    });
    expect(report.diff).toMatchObject({ added: report.rowsRead, changed: 0, removed: 0 });
    const [row] = await db.orm.em
      .fork()
      .execute(
        `select attributes->>'nature' as nature, legal_cells->>'definedBy' as defined from referential_entry where referential_code = 'NATINF' and code = '41'`,
      );
    expect(row).toEqual({ nature: 'Délit', defined: 'ART.L.234-1 §II,§V C.ROUTE.' });
    expect(
      await count(
        `select count(*) as n from legal_reference l join referential_entry e on e.id = l.entry_id where e.code = '41' and l.code_mnemonic = 'C.ROUTE.'`,
      ),
    ).toBe(4);
  });

  it('says "no change" for the same file again, and creates no release', async () => {
    await officialNatinf();
    const report = await importReferential(db.url, natinf, NATINF_FILE, { publish: true });
    expect(report.outcome).toBe('NO_CHANGE');
    expect(report.diff).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: report.rowsRead });
    expect(await releases('NATINF')).toBe(1);
  });

  it('refuses a file with a duplicated code, a short line and an unknown nature: three precise errors, nothing written', async () => {
    await officialNatinf();
    const path = await natinfWith('broken.csv', (lines) => {
      lines.push(lines[1]); // duplicate of NATINF 7, as the last line
      lines[2] = lines[2].split(';').slice(0, 4).join(';'); // line 3: a column missing
      lines[3] = lines[3].replace(';Délit;', ';Délit grave;'); // line 4: unknown nature
      return lines;
    });
    const entriesBefore = await count('select count(*) as n from referential_entry');
    const report = await importReferential(db.url, natinf, path, { publish: true });
    expect(report.outcome).toBe('REFUSED');
    expect(report.issues.map((i) => `${i.file}:${i.line}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`)).toEqual([
      'broken.csv:3: expected 5 columns separated by ";", found 4',
      `broken.csv:4 [Nature de l'infraction]: attribute "nature" must be one of ${[...NATINF_NATURE_TERMS]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((n) => `"${n.label}"`)
        .join(', ')}, got "Délit grave"`,
      'broken.csv:21 [Numéro NATINF]: duplicate code "7" (first at line 2)',
    ]);
    expect(await count('select count(*) as n from referential_entry')).toBe(entriesBefore);
    expect(await releases('NATINF')).toBe(1);
  });

  it('with skipInvalid, imports the valid rows and reports the skipped lines', async () => {
    const report = await partlyValidNatinf();
    expect(report.outcome).toBe('WRITTEN');
    expect(report.invalidRows).toBe(2);
    expect(report.diff).toMatchObject({ added: 0, changed: 0, removed: 3 }); // the removed entry and the two skipped ones
    const ended = await count(`select count(*) as n from referential_entry where referential_code = 'NATINF' and recorded_in = 2 and valid_to is not null`);
    expect(ended).toBe(3); // removed codes are end-dated, never deleted
  });

  it('reports field-level changes and end-dates codes missing from the file', async () => {
    await partlyValidNatinf();
    const path = await natinfWith('changed.csv', (lines) => lines.map((l) => (l.startsWith('41;') ? l.replace('MANIFESTE', 'MANIFESTE (modifié)') : l)));
    const report = await importReferential(db.url, natinf, path, { publish: true });
    // NATINF 41 relabelled; the three codes end-dated by the previous import come back (their validTo is lifted).
    expect(report.diff).toMatchObject({ added: 0, changed: 4, removed: 0 });
    expect(report.diff?.fields).toEqual({ label: 1, valid_to: 3 });
    expect(report.diff?.sample).toEqual(expect.arrayContaining(['41']));
    expect(report.diff?.sample).toHaveLength(4);
  });

  it('exports a release and re-imports it as "no change" (CSV official layout and JSON)', async () => {
    await officialNatinf();
    for (const [referential, format, file] of [
      [natinf, 'csv', 'natinf.csv'],
      [natinf, 'json', 'natinf.json'],
    ] as const) {
      const release = await count(`select max(number) as n from referential_release where referential_code = 'NATINF'`);
      const path = join(dir, file);
      const chunks: Buffer[] = [];
      for await (const chunk of await exportReferential(db.orm.em.fork(), referential, { release, format })) chunks.push(Buffer.from(chunk));
      await writeFile(path, Buffer.concat(chunks));
      const report = await importReferential(db.url, referential, path, { publish: true, format: format === 'json' ? 'json' : 'natinf' });
      expect({ file, outcome: report.outcome, issues: report.issues }).toEqual({ file, outcome: 'NO_CHANGE', issues: [] });
    }
  });

  it('imports NAC (UTF-8, three levels) as a draft, then exports and re-imports it unchanged', async () => {
    const report = await importReferential(db.url, nac, join(DATA, 'nac.csv'));
    expect(report).toMatchObject({ outcome: 'WRITTEN', issueCount: 0, release: { number: 1, status: 'DRAFT' }, source: { encoding: 'utf-8' } });
    await db.orm.em.fork().execute(`update referential_release set status = 'PUBLISHED' where referential_code = 'NAC'`);
    const chunks: Buffer[] = [];
    for await (const chunk of await exportReferential(db.orm.em.fork(), nac, { release: 1, format: 'csv' })) chunks.push(Buffer.from(chunk));
    await writeFile(join(dir, 'nac-export.csv'), Buffer.concat(chunks));
    expect((await importReferential(db.url, nac, join(dir, 'nac-export.csv'))).outcome).toBe('NO_CHANGE');
  });

  it('reads other lists by the default layout or a mapping file, comma-separated with a BOM, and round-trips them', async () => {
    const em = db.orm.em.fork();
    const list = em.create(Referential, {
      code: 'MOTIFS',
      name: 'Motifs',
      domain: 'GESTION' as never,
      ownerBureau: 'SDSI',
      levels: [],
      attributeDefinitions: [{ name: 'actif', type: 'BOOLEAN' as never, required: false }],
    });
    await em.flush();
    const mapped = join(dir, 'motifs.csv');
    await writeFile(mapped, '\uFEFFIdentifiant,Intitulé,Début,Actif\nM1,Motif un,01/01/2024,oui\nM2,"Motif deux, avec virgule",,non\n', 'utf8');
    const mapping = join(dir, 'motifs-mapping.json');
    await writeFile(mapping, JSON.stringify({ code: 'Identifiant', label: 'Intitulé', validFrom: 'Début', attributes: { actif: 'Actif' } }));
    const report = await importReferential(db.url, list, mapped, { publish: true, mappingFile: mapping });
    expect(report).toMatchObject({ outcome: 'WRITTEN', issueCount: 0, source: { encoding: 'utf-8', separator: ',' } });
    const [row] = await db.orm.em
      .fork()
      .execute(
        `select label, to_char(valid_from, 'YYYY-MM-DD') as valid_from, attributes from referential_entry where code = 'M2' or code = 'M1' order by code`,
      );
    expect(row).toEqual({ label: 'Motif un', valid_from: '2024-01-01', attributes: { actif: true } });
    const chunks: Buffer[] = [];
    for await (const chunk of await exportReferential(db.orm.em.fork(), list, { release: 1, format: 'csv' })) chunks.push(Buffer.from(chunk));
    await writeFile(join(dir, 'motifs-export.csv'), Buffer.concat(chunks));
    expect((await importReferential(db.url, list, join(dir, 'motifs-export.csv'))).outcome).toBe('NO_CHANGE');
    const missing = join(dir, 'motifs-bad-mapping.json');
    await writeFile(missing, JSON.stringify({ code: 'Identifiant', label: 'Libellé' }));
    const refused = await importReferential(db.url, list, mapped, { mappingFile: missing });
    expect(refused.issues[0]).toMatchObject({ line: 1, column: 'Libellé', reason: expect.stringContaining('missing from the header') });
  });

  it('refuses a second import of the same referential while one runs', async () => {
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('begin');
    await other.query(`select pg_advisory_xact_lock(hashtext('referential-import:NATINF'))`);
    try {
      await expect(importReferential(db.url, natinf, NATINF_FILE, { publish: true })).rejects.toThrow(ImportRefusedError);
    } finally {
      await other.query('rollback');
      await other.end();
    }
  });

  it('streams a JSON file and names the line each bad element starts on; a broken document is refused whole', async () => {
    const before = await releases('NAC');
    const path = join(dir, 'nac-bad.json');
    await writeFile(
      path,
      [
        '[',
        '  {"code": "1", "level": 1, "label": "Droit des personnes"},',
        '  {',
        '    "code": "10", "level": 2, "parentCode": "1",',
        '    "label": ""',
        '  },',
        '  "not an entry",',
        '  {"code": "11", "level": 2, "parentCode": "9", "label": "Etat civil"}',
        ']',
      ].join('\n'),
    );
    const report = await importReferential(db.url, nac, path, { format: 'json' });
    expect(report.outcome).toBe('REFUSED');
    expect(report.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [3, 'label', 'label is empty'],
      [7, undefined, 'element is not an object'],
      [8, 'parentCode', 'parent "9" is not in the file'],
    ]);
    const broken = join(dir, 'nac-broken.json');
    await writeFile(broken, '[\n  {"code": "1", "level": 1, "label": "Droit"},\n  {"code": "2" "label": "x"}\n]');
    const refused = await importReferential(db.url, nac, broken, { format: 'json' });
    expect(refused.issues).toEqual([
      expect.objectContaining({ file: 'nac-broken.json', line: 3, reason: expect.stringMatching(/^not a JSON array of entries/) }),
    ]);
    expect(await releases('NAC')).toBe(before);
  });

  it('leaves the planner statistics current after a bulk import (the first readers get plans made for the new data)', async () => {
    const em = db.orm.em.fork();
    const list = em.create(Referential, { code: 'BULK', name: 'Bulk', domain: 'GESTION' as never, ownerBureau: 'SDSI', levels: [], attributeDefinitions: [] });
    await em.flush();
    const estimate = async () => Number((await db.orm.em.fork().execute(`select reltuples from pg_class where relname = 'referential_entry'`))[0].reltuples);
    const before = await estimate();
    const path = join(dir, 'bulk.csv');
    await writeFile(path, `code;label\n${Array.from({ length: 12_000 }, (_, i) => `B${i};Entrée ${i}`).join('\n')}\n`);
    const statements: string[] = [];
    const original = Client.prototype.query as (...args: unknown[]) => unknown;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      if (typeof args[0] === 'string') statements.push(args[0].trim().split(/\s+/).slice(0, 3).join(' '));
      return original.apply(this, args);
    } as never);
    const report = await importReferential(db.url, list, path, { publish: true }).finally(() => spy.mockRestore());
    expect(report).toMatchObject({ outcome: 'WRITTEN', diff: { added: 12_000 } });
    expect(await estimate()).toBeGreaterThanOrEqual(before + 12_000);
    expect(report.timings.analyze).toBeGreaterThanOrEqual(0);
    // Before the statements that read the new versions back: planned with the old statistics, a new list's
    // versions count as one row and the change events' self-join nests a loop over all of them.
    const analyzed = statements.indexOf('analyze referential_entry');
    expect(analyzed).toBeGreaterThan(statements.indexOf('insert into referential_entry'));
    expect(analyzed).toBeLessThan(statements.indexOf('insert into change_event'));
    expect(analyzed).toBeLessThan(statements.findIndex((s) => s.startsWith('declare legal_cells')));
  });

  it("finds a new list's previous versions with an index probe per entry, whatever the statistics say", async () => {
    const em = db.orm.em.fork();
    const make = (code: string) =>
      em.create(Referential, { code, name: code, domain: 'GESTION' as never, ownerBureau: 'SDSI', levels: [], attributeDefinitions: [] });
    const [known, fresh] = [make('KNOWN'), make('FRESH')];
    await em.flush();
    const file = async (prefix: string) => {
      const path = join(dir, `${prefix}.csv`);
      await writeFile(path, `code;label\n${Array.from({ length: 6_000 }, (_, i) => `${prefix}${i};Entrée ${i}`).join('\n')}\n`);
      return path;
    };
    // Statistics that know KNOWN but not FRESH (6,000 versions: under the bulk threshold, no ANALYZE of its own).
    await db.orm.em.fork().execute('alter table referential_entry set (autovacuum_enabled = false)');
    expect((await importReferential(db.url, known, await file('K'), { publish: true })).outcome).toBe('WRITTEN');
    await db.orm.em.fork().execute('analyze referential_entry');
    expect((await importReferential(db.url, fresh, await file('F'), {})).outcome).toBe('WRITTEN');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('begin');
      const {
        rows: [row],
      } = await client.query(`explain (analyze, buffers, format json) ${RELEASE_CHANGES_SQL}`, ['FRESH', 1]);
      await client.query('rollback');
      const { Plan: plan } = (row['QUERY PLAN'] as { Plan: Record<string, number> }[])[0];
      // A probe per entry reads a few blocks each; a nested loop over the list's rows reads millions.
      expect(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']).toBeLessThan(200_000);
    } finally {
      await client.end();
    }
  });

  it('names the line a record starts on when a quoted label runs over several lines, and the line a quote left open opens on', async () => {
    const path = join(dir, 'multiline.csv');
    await writeFile(path, 'code;niveau;parent;libelle\r\n1;1;;"Droit des\r\npersonnes"\r\n10;2;1;\r\n11;2;1;"Etat ""civil"""\r\n12;x;1;Filiation\r\n');
    const report = await importReferential(db.url, nac, path, { dryRun: true });
    expect(report.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [4, 'libelle', 'label is empty'],
      [6, 'niveau', expect.stringMatching(/^level "x"/)],
    ]);
    await writeFile(path, 'code;niveau;parent;libelle\n1;1;;Droit des personnes\n10;2;1;"Nationalité\n11;2;1;Etat civil\n');
    const open = await importReferential(db.url, nac, path, { dryRun: true });
    expect(open.issues).toEqual([{ file: 'multiline.csv', line: 3, reason: 'a quote opened at line 3 is never closed' }]);
  });

  it('reports bytes that are not UTF-8 in a UTF-8 file, with their line', async () => {
    const text = Buffer.from('code;niveau;parent;libelle\n1;1;;Droit des personnes\n10;2;1;Nationalit\u00e9\n', 'utf8');
    const bad = Buffer.concat([text, Buffer.from('11;2;1;Etat civil '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const path = join(dir, 'mixed.csv');
    await writeFile(path, bad);
    const report = await importReferential(db.url, nac, path);
    expect(report.outcome).toBe('REFUSED');
    expect(report.issues.at(-1)).toMatchObject({ file: 'mixed.csv', line: 4, reason: expect.stringMatching(/not valid UTF-8/) });
  });
});
