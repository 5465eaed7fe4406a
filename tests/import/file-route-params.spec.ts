import { bearer, Role } from '../support/auth';
import { rowCounts } from '../support/hostile-answers';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

/** Regressions found by the hostile-input property suite on the file routes: client mistakes once answered 500. */
describe('the file routes refuse malformed paths and parameters with a 4xx', () => {
  const t = useTestServer('demo');
  const admin = async () => ({ authorization: await bearer([Role.ADMIN]), 'content-type': 'text/csv' });
  const nac = 'code;niveau;parent;libelle\n1;1;;Droit des personnes\n';

  it.each(['%00', 'NAC%00', '%F0%9F%99%82', `${'x'.repeat(40)}`, "'%3B%20drop"])(
    'answers 404 for the referential %s in the path, writing nothing',
    async (segment) => {
      const before = await rowCounts(t.db.orm);
      const upload = await fetch(`${t.server.url}/imports/${segment}?dryRun=true`, { method: 'POST', headers: await admin(), body: nac });
      expect(upload.status).toBe(404);
      expect(await upload.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND', field: 'referential' } }] });
      expect((await fetch(`${t.server.url}/exports/${segment}`)).status).toBe(404);
      expect(await rowCounts(t.db.orm)).toEqual(before);
    },
  );

  it.each(['abc', 'xxxxxxxxxxxx', '-1', '0', '1.5', '1e3', '9999999999', '', '%00'])('answers 400 for release=%s in an export', async (release) => {
    const response = await fetch(`${t.server.url}/exports/NAC?release=${release}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'release' } }] });
  });

  it.each(['.', '..', 'x'.repeat(10000), '../../etc/passwd', 'a\u0000b.csv'])(
    'saves an upload named %j under a safe name, and names it in the report',
    async (filename) => {
      const response = await fetch(`${t.server.url}/imports/NAC?dryRun=true&filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: await admin(),
        body: 'code;niveau;parent;libelle\n1X;2;9;Orpheline\n',
      });
      expect(response.status).toBe(422);
      const report = (await response.json()) as { issues: { file: string }[] };
      expect(report.issues[0].file).toMatch(/^[\w.-]{1,100}$/);
      expect(report.issues[0].file).not.toMatch(/^\.+$/);
      await expectStillServing(t.server);
    },
  );
});
