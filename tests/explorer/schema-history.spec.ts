import { readFileSync } from 'node:fs';
import { diffSupergraphs, readSchemaHistory } from '../../explorer/build/schema-history';
import { SUPERGRAPH_FILE } from '../../src/gateway/supergraph';
import { PROJECT_ROOT } from '../../src/kernel/config';

const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');

/** The change log the schema browser shows: client-visible changes only, classified by @graphql-inspector/core. */
describe('supergraph change log', () => {
  it('sees no change between a supergraph and itself, join directives included', async () => {
    expect(await diffSupergraphs(committed, committed)).toEqual([]);
  });

  it('classifies removed fields as breaking, new enum values as dangerous, new fields as safe', async () => {
    const after = committed
      .replace(/\n\s*"""Short name[^\n]*\n\s*shortName: String!/, '')
      .replace(
        '  TRIBUNAL_COMMERCE @join__enumValue(graph: ORGANISATION)',
        '  TRIBUNAL_COMMERCE @join__enumValue(graph: ORGANISATION)\n  TRIBUNAL_ACTIVITES_ECONOMIQUES @join__enumValue(graph: ORGANISATION)',
      )
      .replace('  sampleInseeCodes: [String!]!', '  sampleInseeCodes: [String!]!\n  firstSeen: String');
    const changes = await diffSupergraphs(committed, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'breaking', path: 'Court.shortName' }),
        expect.objectContaining({ level: 'dangerous', path: 'CourtType.TRIBUNAL_ACTIVITES_ECONOMIQUES' }),
        expect.objectContaining({ level: 'safe', path: 'CompetenceIssue.firstSeen' }),
      ]),
    );
  });

  it('reads every committed version of schema/supergraph.graphql from git, newest first', async () => {
    const history = await readSchemaHistory(PROJECT_ROOT);
    expect(history.length).toBeGreaterThan(0);
    expect(history[history.length - 1].changes).toEqual([]);
    expect(history[0].commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
