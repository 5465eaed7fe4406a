import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { expectStillServing } from '../support/still-serves';
import { useTestServer } from '../support/test-server';

const ADD = 'mutation($input: AddSchemaVersionInput!) { addSchemaVersion(input: $input) { version } }';
const VALIDATE =
  'query($payload: JSON!, $version: String!) { validateMessage(exchange: "PLINE_NPP", version: $version, payload: $payload) { valid errors { path keyword } } }';

/** Regexes from callers' documents cannot take the server's time: linear checks and a linear engine. */
describe('regular expressions of stored schemas', () => {
  const t = useTestServer('demo');
  const architect = () => t.as([Role.ARCHITECT]);

  it('checks an XSD in linear time: 160 KB of schema tags without the namespace is refused at once', async () => {
    const xsd = '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>';
    expect((await gql(architect(), ADD, { input: { exchangeCode: 'PLINE_NPP', version: 'x2', language: 'XSD', content: xsd } })).errors).toBeUndefined();
    // The former check backtracked over the rest of the text at each tag: seconds for this document.
    const content = '<xs:schema '.repeat(16_000);
    const started = Date.now();
    const { errors } = await gql(architect(), ADD, { input: { exchangeCode: 'PLINE_NPP', version: 'x1', language: 'XSD', content } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
  });

  it('runs a catastrophic JSON Schema pattern on RE2: ^(a+)+$ against 40 a and a b answers at once', async () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: { name: { type: 'string', pattern: '^(a+)+$' } },
      patternProperties: { '^(x+)+$': { type: 'number' } },
    });
    expect(
      (await gql(architect(), ADD, { input: { exchangeCode: 'PLINE_NPP', version: 'redos', language: 'JSON_SCHEMA', content: schema } })).errors,
    ).toBeUndefined();
    const started = Date.now();
    const evil = `${'a'.repeat(40)}b`;
    const { data, errors } = await gql(t.server, VALIDATE, { version: 'redos', payload: { name: evil, [`${'x'.repeat(40)}y`]: 1 } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toBeUndefined();
    expect(data.validateMessage).toEqual({ valid: false, errors: [{ path: '/name', keyword: 'pattern' }] });
    expect((await gql(t.server, VALIDATE, { version: 'redos', payload: { name: 'aaaa', xxx: 1 } })).data.validateMessage.valid).toBe(true);
    await expectStillServing(t.server);
  });

  it('refuses a pattern RE2 cannot run (a backreference) when the schema is added', async () => {
    const schema = JSON.stringify({ type: 'string', pattern: '^(a)\\1$' });
    const { errors } = await gql(architect(), ADD, { input: { exchangeCode: 'PLINE_NPP', version: 'backref', language: 'JSON_SCHEMA', content: schema } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEMA', field: 'input.content' });
  });
});
