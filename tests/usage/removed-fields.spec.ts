import { readCommittedSupergraph } from '../../src/gateway/supergraph';
import { recentReaders, removedFields } from '../../src/kernel/usage/removed-fields-check';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** `npm run schema` warns when a field it removes was read lately: the pieces it uses. */
describe('removed fields still read', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(() => db.drop());

  it('finds the fields a new supergraph drops, and who read them in the last 30 days', async () => {
    const before = await readCommittedSupergraph();
    const shortName = '  """Short name as in the ministry file, e.g. "TJ BOURG EN BRESSE"."""\n  shortName: String! @join__field(graph: ORGANISATION)\n';
    expect(before).toContain(shortName);
    const after = before.replace(shortName, '');
    expect(removedFields(before, after)).toEqual(['Court.shortName']);
    expect(removedFields(before, before)).toEqual([]);

    const insert = `insert into usage_field_hourly (hour, client, application, operation_name, operation_hash, coordinate, requests, first_seen, last_seen)
      values (date_trunc('hour', now() - ?::interval), ?, null, 'Q', 'h', 'Court.shortName', ?, now() - ?::interval, now() - ?::interval)`;
    const connection = db.orm.em.fork().getConnection();
    await connection.execute(insert, ['2 days', 'PORTALIS', 5, '2 days', '2 days']);
    await connection.execute(insert, ['40 days', 'GIDE', 9, '40 days', '40 days']);
    const readers = await recentReaders(db.url, ['Court.shortName']);
    expect(readers.map((r) => [r.coordinate, r.client, r.requests])).toEqual([['Court.shortName', 'PORTALIS', 5]]);
  });
});
