import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';

/** Court sites from the official directory (annuaire-juridictions.csv), loaded with the SRJ data. */
describe('court sites from the official directory', () => {
  const t = useTestServer('srj');
  const SITE =
    'label address postalCode city inseeCode phones emails website openingHours { days slots { opens closes } note } directoryUrl directoryUpdatedOn main';

  it('gives a court its site: address, postcode, commune, phones, website, structured opening hours, directory link', async () => {
    const { data, errors } = await gql(t.server, `{ court(code: "100014") { sites { ${SITE} } } }`);
    expect(errors).toBeUndefined();
    expect(data.court.sites).toEqual([
      {
        label: "Cour d'appel d'Agen",
        address: 'Place Armand Fallieres',
        postalCode: '47000',
        city: 'AGEN',
        inseeCode: '47001',
        phones: ['05 53 77 95 00'],
        emails: [],
        website: null,
        openingHours: [
          {
            days: 'Lundi – Vendredi',
            slots: [
              { opens: '08:30', closes: '12:00' },
              { opens: '13:30', closes: '17:00' },
            ],
            note: null,
          },
        ],
        directoryUrl: 'https://lannuaire.service-public.gouv.fr/nouvelle-aquitaine/lot-et-garonne/830371c0-aee3-4b8a-943b-2bb3330c2514',
        directoryUpdatedOn: '2026-09-17',
        main: true,
      },
    ]);
  });

  it('repairs the quirks of the directory: lost leading zeros, two e-mails in one field, "00:00–00:00" slots', async () => {
    const rows = await t.db.orm.em
      .fork()
      .execute<{ postal_code: string; emails: string[]; opening_hours: { slots: unknown[]; note: string | null }[]; label: string }[]>(
        'select postal_code, emails, opening_hours, label from court_site',
      );
    expect(rows.length).toBeGreaterThan(600);
    expect(rows.filter((r) => r.postal_code && !/^\d{5}$/.test(r.postal_code))).toEqual([]);
    expect(rows.find((r) => r.label === "Tribunal de commerce d'Antibes")?.postal_code).toBe('06600');
    expect(rows.find((r) => r.label === "Cour d'appel de Cayenne")?.emails).toEqual(['accueil-cayenne@justice.fr', 'bav.tj-cayenne@justice.fr']);
    const closedAllDay = rows.flatMap((r) => r.opening_hours).filter((h) => h.slots.length === 0 && h.note);
    expect(closedAllDay.length).toBeGreaterThan(0);
    expect(
      rows
        .flatMap((r) => r.opening_hours)
        .flatMap((h) => h.slots as { opens: string; closes: string }[])
        .filter((s) => s.opens === '00:00' && s.closes === '00:00'),
    ).toEqual([]);
  });

  it('keeps the directory rows that match no court as issues, and no administrative court', async () => {
    const { data } = await gql(t.server, '{ competenceIssues { kind sourceName reason } }');
    const directory = data.competenceIssues.filter((i: { reason: string }) => i.reason.includes('directory site'));
    expect(directory.map((i: { sourceName: string }) => i.sourceName)).toEqual(
      expect.arrayContaining(["Conseil de prud'hommes de Châteaudun", 'Tribunal du Travail de Mata-Utu']),
    );
    const [{ n }] = await t.db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from court_site where label ilike 'tribunal administratif%' or label ilike 'cour administrative%'`);
    expect(Number(n)).toBe(0);
  });
});
