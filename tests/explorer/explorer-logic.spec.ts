import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCommune, KNOWN_COMMUNES, suggestCommunes } from '../../explorer/src/views/courts/communes';
import { operationAtCursor } from '../../explorer/src/views/ide/operation-at-cursor';
import { edgeWidth, usageEdges, type ObservedReader } from '../../explorer/src/views/map/observed-usage-colouring';
import { loadConfig } from '../../src/kernel/config';

describe('explorer logic', () => {
  it('runs the operation under the cursor, else the one asked for if still there, else the first', () => {
    const doc = 'query A { a }\nquery B { b }';
    expect(operationAtCursor(doc, doc.indexOf('b }'), 'A')).toBe('B');
    expect(operationAtCursor(doc, undefined, 'B')).toBe('B');
    expect(operationAtCursor(doc, undefined, 'Gone')).toBe('A');
    // One operation: its own name, whatever was asked before (the example just picked).
    expect(operationAtCursor('query CoursDAppel { a }', 0, 'CompetentCourts')).toBe('CoursDAppel');
    expect(operationAtCursor('{ a }', 0, 'Old')).toBeUndefined();
    expect(operationAtCursor('query {', 0, 'Old')).toBe('Old');
  });

  it('suggests communes by name (accents ignored) or code, and names the department', () => {
    expect(suggestCommunes('besan')[0]).toEqual(['25056', 'Besançon']);
    expect(suggestCommunes('2A')[0]).toEqual(['2A004', 'Ajaccio']);
    expect(suggestCommunes('')).toEqual([]);
    expect(describeCommune('2A004')).toEqual({ name: 'Ajaccio', department: 'Corse-du-Sud', departmentCode: '2A' });
    expect(describeCommune('97411')).toMatchObject({ department: 'La Réunion', departmentCode: '974' });
  });

  it('knows only communes the competence data has', () => {
    const codes = new Set(
      readFileSync(join(loadConfig().dataDir, 'communes-competences.csv'), 'utf8')
        .split('\n')
        .map((l) => l.split(';')[0]),
    );
    expect(KNOWN_COMMUNES.filter(([code]) => !codes.has(code))).toEqual([]);
  });

  it('colours application → referential edges as coherenceReport judges them, applications of the map only', () => {
    const reader = (client: string, declaredMode: string | null, requests: number): ObservedReader => ({
      client,
      declared: declaredMode !== null,
      declaredMode,
      pinnedRelease: null,
      observed: requests > 0,
      requests,
      lastSeen: requests ? '2026-11-28T09:00:00.000Z' : null,
    });
    const readers = [
      reader('CASSIOPEE', 'READ', 12),
      reader('PORTALIS', null, 3),
      reader('MINOS', 'READ', 0),
      reader('GENESIS', 'PRODUCE', 0),
      reader('WINCI', 'PRODUCE', 5),
      reader('key:rj_abc', null, 7),
      reader('anonymous', null, 40),
      reader('HIDDEN', 'READ', 0),
    ];
    const uses = usageEdges('NATINF', readers, new Set(['CASSIOPEE', 'PORTALIS', 'MINOS', 'GENESIS', 'WINCI'])).map((e) => [
      e.application,
      e.referential,
      e.use,
      e.reader.requests,
    ]);
    expect(uses).toEqual([
      ['CASSIOPEE', 'NATINF', 'declared-and-read', 12],
      ['PORTALIS', 'NATINF', 'read-undeclared', 3],
      ['MINOS', 'NATINF', 'declared-unread', 0],
      // A producer that does not read is no reader; one that reads declared the referential.
      ['WINCI', 'NATINF', 'declared-and-read', 5],
    ]);
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(9)).toBe(2);
    expect(edgeWidth(1e9)).toBe(6);
  });
});
