import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttributeType } from '../src/subgraphs/referentials/referential/attribute-definition.type';
import { ReferentialDomain } from '../src/subgraphs/referentials/referential/referential-domain.enum';
import { Referential } from '../src/subgraphs/referentials/referential/referential.entity';

const WORDS = [
  'CONDUITE',
  'VEHICULE',
  'ETAT',
  'IVRESSE',
  'VOL',
  'ESCROQUERIE',
  'DEGRADATION',
  'BIEN',
  'AUTRUI',
  'MENACE',
  'VIOLENCE',
  'TRAVAIL',
  'FRAUDE',
  'CHEQUE',
  'ROUTE',
];
const NATURES = ['Crime', 'Délit', 'Contravention de classe 5'];

/** A three-level list (100 × 100 × rest) with an ENUM attribute and NATINF-like legal cells on every leaf. */
export function* syntheticLines(ROWS: number, changeEvery = 0): Generator<string> {
  yield 'code;level;parent_code;label;nature;defined_by;punished_by\n';
  for (let i = 0; i < ROWS; i++) {
    const level = i < 100 ? 1 : i < 10_100 ? 2 : 3;
    const parent = level === 1 ? '' : level === 2 ? `A${i % 100}` : `B${100 + (i % 10_000)}`;
    const code = level === 1 ? `A${i}` : level === 2 ? `B${i}` : `C${i}`;
    const changed = changeEvery > 0 && i % changeEvery === 0 ? ' MODIFIE' : '';
    const label = `${WORDS[i % 15]} ${WORDS[(i * 7) % 15]} ${WORDS[(i * 11) % 15]} ${i}${changed}`;
    const cells = level === 3 ? `ART.L.${i % 900}-1 AL.1 C.ROUTE.;ART.L.${i % 900}-2, ART.131-30 AL.1 C.PENAL.` : ';';
    yield `${code};${level};${parent};${label};${NATURES[i % 3]};${cells}\n`;
  }
}

export async function writeSyntheticFile(path: string, rows: number, changeEvery = 0): Promise<void> {
  await pipeline(Readable.from(syntheticLines(rows, changeEvery)), createWriteStream(path));
}

export async function createSyntheticReferential(em: EntityManager, code: string): Promise<Referential> {
  const referential = em.create(Referential, {
    code,
    name: 'Synthetic',
    domain: ReferentialDomain.PENAL,
    ownerBureau: 'bench',
    levels: ['L1', 'L2', 'L3'],
    attributeDefinitions: [{ name: 'nature', type: AttributeType.ENUM, required: true, values: NATURES }],
  });
  await em.flush();
  return referential;
}
