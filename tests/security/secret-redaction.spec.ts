import pino from 'pino';
import { logger } from '../../src/kernel/logger';
import { REDACTED_FIELDS } from '../../src/kernel/secrets/redacted-fields';
import { Role } from '../support/auth';
import { gql } from '../support/graphql-client';
import { useTestServer } from '../support/test-server';
import type { Untyped } from '../support/untyped';

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret subscription { id } } }`;
const TRAIL = `query($f: AuditFilter) { auditTrail(filter: $f, first: 10) { edges { node { operation target arguments before after } } } }`;

/** What the process's own logger writes, captured for one call (its level lifted from `silent` meanwhile). */
function captured(write: () => void): string {
  const streamSym = pino.symbols.streamSym as unknown as keyof typeof logger;
  const original = logger[streamSym];
  const level = logger.level;
  let out = '';
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => void (out += line) };
  logger.level = 'info';
  try {
    write();
  } finally {
    (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = original;
    logger.level = level;
  }
  return out;
}

describe('secrets never reach the audit trail nor the logs (one field list, in kernel/secrets)', () => {
  const t = useTestServer('empty');

  it('leaves a webhook secret out of the audited arguments and of the row written', async () => {
    const secret = 'the-application-secret-4f1c9e7a';
    const registered = await gql(t.as([Role.ADMIN]), REGISTER, { input: { url: 'https://93.184.215.14/hook', secret } });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerWebhook.secret).toBe(secret); // shown once, to its owner
    const generated = await gql(t.as([Role.ADMIN]), REGISTER, { input: { url: 'https://93.184.215.14/other' } });
    const trail = (await gql(t.as([Role.ADMIN]), TRAIL, { f: { operation: 'registerWebhook' } })).data!.auditTrail.edges.map((e: Untyped) => e.node);
    expect(trail).toHaveLength(2);
    const text = JSON.stringify(trail);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(generated.data!.registerWebhook.secret);
    expect(text).not.toMatch(/"secret"/);
    // The rest is still there: what was registered, by whom, where.
    expect(trail[1].arguments).toEqual({ input: { url: 'https://93.184.215.14/hook' } });
    expect(trail[1].after[0]).toMatchObject({ entity: 'WebhookSubscription', type: 'create', fields: { url: 'https://93.184.215.14/hook' } });
    // Straight from the table too: the append-only trail holds no copy anywhere.
    const [{ n }] = await t.db.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from audit_entry where arguments::text like ? or after::text like ?`, [`%${secret}%`, `%${secret}%`]);
    expect(n).toBe(0);
  });

  it('removes every listed field from log lines, at any usual depth, and keeps the rest', () => {
    const line = captured(() =>
      logger.info(
        {
          secret: 's-top',
          input: { secret: 's-input', url: 'https://x.example/hook' },
          req: { headers: { authorization: 'Bearer s-token', 'x-api-key': 'rj_s_key', accept: 'application/json' } },
          a: { b: { c: { password: 's-deep' } } },
        },
        'a line',
      ),
    );
    expect(line).toContain('"url":"https://x.example/hook"');
    expect(line).toContain('"accept":"application/json"');
    for (const leaked of ['s-top', 's-input', 's-token', 'rj_s_key', 's-deep']) expect(line).not.toContain(leaked);
    expect(REDACTED_FIELDS).toEqual(expect.arrayContaining(['secret', 'secretHash', 'authorization']));
  });
});
