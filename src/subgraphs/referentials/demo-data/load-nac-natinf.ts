import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readCsv } from '../../../kernel/text/read-csv';
import { AttributeType } from '../referential/attribute-definition.type';
import { ReferentialDomain } from '../referential/referential-domain.enum';
import { publishInitialRelease, type InitialEntry } from './publish-initial-release';

export const NATINF_NATURES = ['Crime', 'Délit', ...[1, 2, 3, 4, 5].map((n) => `Contravention de classe ${n}`)];

/** NAC, nomenclature des affaires civiles (nac.csv: code;niveau;parent;libelle), 3 levels. */
export async function loadNac(em: EntityManager, dataDir: string) {
  const entries: InitialEntry[] = [];
  for await (const { values } of readCsv(join(dataDir, 'nac.csv'), ['code', 'niveau', 'parent', 'libelle'])) {
    entries.push({ code: values.code, label: values.libelle, parentCode: values.parent || null, level: Number(values.niveau) });
  }
  return publishInitialRelease(em, {
    code: 'NAC',
    name: 'Nomenclature des affaires civiles',
    domain: ReferentialDomain.CIVIL,
    description: "Natures d'affaires civiles: matières, sous-matières et natures d'affaires. Historical codes are kept beside their successors.",
    ownerBureau: 'Direction des affaires civiles et du Sceau (DACS)',
    levels: ['Matière', 'Sous-matière', "Nature d'affaire"],
    attributeDefinitions: [],
  }, entries, 'demo-data');
}

/** NATINF in the official quarterly layout: latin-1, `;`, CRLF, legal texts in two free-text cells. */
export async function loadNatinf(em: EntityManager, dataDir: string, file = 'natinf-sample.csv') {
  const columns = ['Numéro NATINF', "Nature de l'infraction", "Qualification de l'infraction", 'Définie par', 'Réprimée par'];
  const entries: InitialEntry[] = [];
  for await (const { values } of readCsv(join(dataDir, file), columns, ';', 'latin1')) {
    entries.push({
      code: values['Numéro NATINF'],
      label: values["Qualification de l'infraction"],
      attributes: { nature: values["Nature de l'infraction"] },
      legal: { definedBy: values['Définie par'], punishedBy: values['Réprimée par'] },
    });
  }
  return publishInitialRelease(em, {
    code: 'NATINF',
    name: "Nature d'infraction",
    domain: ReferentialDomain.PENAL,
    description: 'Criminal offence codes, each linked to the texts that define and punish it.',
    ownerBureau: 'Direction des affaires criminelles et des grâces (DACG)',
    levels: [],
    attributeDefinitions: [{ name: 'nature', type: AttributeType.ENUM, required: true, values: NATINF_NATURES, description: 'Crime, délit or class of contravention.' }],
  }, entries, 'demo-data');
}
