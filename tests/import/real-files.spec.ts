import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/kernel/config';
import { bearer, Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import { withoutApproval } from '../builders/approval.builder';
import type { Untyped } from '../support/untyped';

const DATA = loadConfig().dataDir;

/** The ministry's files as published: every NATINF nature, bare quotes, NAC end dates in labels, formats sniffed. */
describe('real referential files', () => {
  const t = useTestServer('demo', withoutApproval('NATINF', 'NAC'));
  const upload = async (referential: string, body: Buffer | string, query = '') =>
    fetch(`${t.server.url}/imports/${referential}${query}`, { method: 'POST', headers: { authorization: await bearer([Role.STEWARD], [referential]) }, body });
  /** The shared NATINF sample plus rows of our own, in the official latin-1 CRLF layout. */
  const natinfWith = async (rows: string[]) => {
    const text = (await readFile(join(DATA, 'natinf-sample.csv'), 'latin1')).replace(/\r\n$/, '');
    return Buffer.from(`${[text, ...rows].join('\r\n')}\r\n`, 'latin1');
  };

  it('imports customs and civil natures and bare quotes as written, with their category and class queryable', async () => {
    const file = await natinfWith([
      '90001;Délit douanier de classe 3;IMPORTATION SANS DECLARATION DE MARCHANDISES PROHIBEES;ART.38, ART.414 C.DOUANES.;ART.414 C.DOUANES.',
      '90002;Contravention douanière de classe 5;OMISSION DE DECLARATION;ART.412 C.DOUANES.;ART.412 C.DOUANES.',
      '90003;Infraction civile;DEFAUT DE DECLARATION DE NAISSANCE;ART.55 C.CIVIL.;',
      '90004;Contravention de classe 4;INOBSERVATION DE L\'ARRET IMPOSE PAR LE PANNEAU "STOP" A UNE INTERSECTION;ART.R.415-6 C.ROUTE.;ART.R.415-6 AL.1 C.ROUTE.',
      '90005;Contravention de classe 4;"STOP" NON MARQUE PAR UN CONDUCTEUR;ART.R.415-6 C.ROUTE.;ART.R.415-6 C.ROUTE.',
    ]);
    const response = await upload('NATINF', file, '?publish=true&filename=natinf-2026T3.csv');
    const report = (await response.json()) as Untyped;
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ outcome: 'WRITTEN', issueCount: 0, diff: { added: 5 } });
    const { data, errors } = await gql(
      t.server,
      `{
      customs: entries(referential: "NATINF", filter: { category: "DELIT_DOUANIER" }) { totalCount edges { node { code category class } } }
      fifth: entries(referential: "NATINF", filter: { class: 5, category: "CONTRAVENTION_DOUANIERE" }) { edges { node { code } } }
      civil: entry(referential: "NATINF", code: "90003") { category class attributes }
      stop: entry(referential: "NATINF", code: "90004") { label category class }
      first: entry(referential: "NATINF", code: "90005") { label }
      crime: entries(referential: "NATINF", filter: { category: "CONTRAVENTION", class: 5 }) { edges { node { code } } }
    }`,
    );
    expect(errors).toBeUndefined();
    expect(data.customs).toEqual({ totalCount: 1, edges: [{ node: { code: '90001', category: 'DELIT_DOUANIER', class: 3 } }] });
    expect(data.fifth.edges).toEqual([{ node: { code: '90002' } }]);
    expect(data.civil).toEqual({ category: 'INFRACTION_CIVILE', class: null, attributes: { nature: 'Infraction civile' } });
    expect(data.stop).toEqual({ label: 'INOBSERVATION DE L\'ARRET IMPOSE PAR LE PANNEAU "STOP" A UNE INTERSECTION', category: 'CONTRAVENTION', class: 4 });
    expect(data.first.label).toBe('"STOP" NON MARQUE PAR UN CONDUCTEUR');
    // The sample's contraventions of class 5 (23, 23039, 23061), from the real rows.
    expect(data.crime.edges.map((e: { node: { code: string } }) => e.node.code).sort()).toEqual(['23', '23039', '23061']);
  });

  it('refuses a nature the vocabulary lacks, until a steward publishes it in NATINF_NATURE (data, not code)', async () => {
    const file = await natinfWith(['90010;Contravention de grande voirie;ATTEINTE AU DOMAINE PUBLIC;ART.L.2132-2 C.G.P.P.P.;ART.L.2132-26 C.G.P.P.P.']);
    const refused = await upload('NATINF', file, '?publish=true&filename=natinf-next.csv');
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Untyped).issues[0]).toMatchObject({
      line: 21,
      column: "Nature de l'infraction",
      reason: expect.stringContaining('got "Contravention de grande voirie"'),
    });
    const steward = t.as([Role.STEWARD], ['NATINF_NATURE']);
    const draft = await gql(steward, 'mutation { createDraft(referential: "NATINF_NATURE") { version } }');
    const added = await gql(
      steward,
      `mutation($v: Int!) { upsertEntry(referential: "NATINF_NATURE", expectedVersion: $v, input: {
      code: "CONTRAVENTION_GRANDE_VOIRIE", label: "Contravention de grande voirie", attributes: { category: "CONTRAVENTION_GRANDE_VOIRIE" } }) { code } }`,
      { v: draft.data.createDraft.version },
    );
    expect(added.errors).toBeUndefined();
    const published = await gql(steward, `mutation($v: Int!) { publishRelease(referential: "NATINF_NATURE", expectedVersion: $v) { number } }`, {
      v: draft.data.createDraft.version + 1,
    });
    expect(published.errors).toBeUndefined();
    // The file ends the five offences the first test added (5 of 24): the mass-removal guard wants the confirmation.
    const accepted = await upload('NATINF', file, '?publish=true&allowMassRemoval=true&filename=natinf-next.csv');
    expect(accepted.status).toBe(200);
    const { data } = await gql(t.server, '{ entry(referential: "NATINF", code: "90010") { category class } }');
    expect(data.entry).toEqual({ category: 'CONTRAVENTION_GRANDE_VOIRIE', class: null });
  });

  it('reads the JSON export uploaded back as natinf.json without format=json, as "no change"', async () => {
    const exported = Buffer.from(await (await fetch(`${t.server.url}/exports/NATINF?format=json`)).arrayBuffer());
    const response = await upload('NATINF', exported, '?publish=true&filename=natinf.json');
    expect(response.status).toBe(200);
    expect((await response.json()) as Untyped).toMatchObject({ format: 'json', outcome: 'NO_CHANGE', issueCount: 0 });
    // Even under a name that says nothing: the content decides.
    const unnamed = await upload('NATINF', exported, '?publish=true&filename=export.txt');
    expect((await unnamed.json()) as Untyped).toMatchObject({ format: 'json', outcome: 'NO_CHANGE' });
  });

  it('end-dates the NAC codes whose label says they stopped being used, the sentence kept out of the label', async () => {
    const { data, errors } = await gql(
      t.server,
      `{
      today: entries(referential: "NAC", at: "2026-11-28", filter: { parentCode: "39" }) { edges { node { code } } }
      before: entries(referential: "NAC", at: "2008-12-31", filter: { parentCode: "39" }) { edges { node { code } } }
      ended: entry(referential: "NAC", code: "39B") { label validTo }
      rest: entry(referential: "NAC", code: "97I") { label validTo }
    }`,
    );
    expect(errors).toBeUndefined();
    const codes = (list: { edges: { node: { code: string } }[] }) => list.edges.map((e) => e.node.code);
    expect(codes(data.before)).toEqual(expect.arrayContaining(['39B', '39C', '39D', '39E', '39F', '39Z', '39G']));
    expect(codes(data.today)).toContain('39G');
    expect(codes(data.today)).not.toEqual(expect.arrayContaining(['39B']));
    expect(codes(data.today).filter((c) => ['39B', '39C', '39D', '39E', '39F', '39Z'].includes(c))).toEqual([]);
    expect(data.ended).toEqual({
      label: "Demande en contrefaçon et/ou en nullité de brevet, d'obtention végétale ou de topographie de semi conducteur",
      validTo: '2009-01-01',
    });
    expect(data.rest.validTo).toBe('2009-01-01');
    expect(data.rest.label).not.toMatch(/ne doit plus/i);
  });

  it('exports NAC with the end dates written back in the labels, and re-imports it as "no change"', async () => {
    const exported = await (await fetch(`${t.server.url}/exports/NAC`)).text();
    expect(exported).toContain(
      "39B;3;39;Demande en contrefaçon et/ou en nullité de brevet, d'obtention végétale ou de topographie de semi conducteur (Ce poste ne doit plus être utilisé à compter du 1er janvier 2009)",
    );
    const response = await upload('NAC', exported, '?publish=true&filename=nac.csv');
    expect((await response.json()) as Untyped).toMatchObject({ outcome: 'NO_CHANGE' });
  });

  it('answers which offences an article defines or punishes, paginated, whatever mnemonic names the code', async () => {
    const route = await gql(
      t.server,
      `{ offencesCiting(text: { kind: CODE, code: "C.ROUTE.", article: "L234-1" }) { totalCount edges { node { entry { code } roles references { raw paragraphs } } } } }`,
    );
    expect(route.errors).toBeUndefined();
    expect(route.data.offencesCiting).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            entry: { code: '41' },
            roles: ['DEFINES', 'PUNISHES'],
            references: [
              { raw: 'ART.L.234-1 §II,§V C.ROUTE.', paragraphs: ['§II', '§V'] },
              { raw: 'ART.L.234-1 C.ROUTE.', paragraphs: [] },
            ],
          },
        },
      ],
    });
    const query = `query($after: String) { offencesCiting(text: { kind: CODE, code: "Code pénal", article: "131-30" }, role: PUNISHES, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { entry { code } roles } } } }`;
    const first = await gql(t.server, query);
    expect(first.errors).toBeUndefined();
    const codes: string[] = first.data.offencesCiting.edges.map((e: Untyped) => e.node.entry.code);
    let page = first.data.offencesCiting;
    while (page.pageInfo.hasNextPage) {
      page = (await gql(t.server, query, { after: page.pageInfo.endCursor })).data.offencesCiting;
      codes.push(...page.edges.map((e: Untyped) => e.node.entry.code));
    }
    // From the real sample: the rows whose "Réprimée par" cites ART.131-30 of the code pénal.
    const sample = (await readFile(join(DATA, 'natinf-sample.csv'), 'latin1'))
      .split('\r\n')
      .slice(1)
      .filter((l) => /ART\.131-30\b[^;]*C\.PENAL\.$/.test(l.split(';')[4] ?? '') || (l.split(';')[4] ?? '').includes('ART.131-30 AL.1 C.PENAL.'));
    expect(codes).toEqual(sample.map((l) => l.split(';')[0]).sort());
    expect(first.data.offencesCiting.totalCount).toBe(codes.length);
    const none = await gql(t.server, `{ offencesCiting(text: { kind: CODE, code: "C.P.P.", article: "1" }) { totalCount } }`);
    expect(none.data.offencesCiting.totalCount).toBe(0);
    const bad = await gql(t.server, `{ offencesCiting(text: { kind: LOI }) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('follows a legal text to the offences citing it when impactOf reads it as a reference', async () => {
    const { data, errors } = await gql(
      t.server,
      `{ impactOf(change: { legalText: "Code de la route, art. L.234-1" }) { applications { paths { explanation } } } }`,
    );
    expect(errors).toBeUndefined();
    const explanations: string[] = data.impactOf.applications.flatMap((a: Untyped) => a.paths.map((p: Untyped) => p.explanation));
    expect(explanations.length).toBeGreaterThan(0);
    expect(explanations[0]).toContain('cited by 1 entries (41) of referential NATINF');
  });
});
