import { AttributeType } from '../referential/attribute-definition.type';
import { ReferentialDomain } from '../referential/referential-domain.enum';

export const NATINF_NATURES = ['Crime', 'Délit', ...[1, 2, 3, 4, 5].map((n) => `Contravention de classe ${n}`)];

/** The two lists the ministry publishes as files, as the platform declares them. */
export const NAC_DEFINITION = {
  code: 'NAC',
  name: 'Nomenclature des affaires civiles',
  domain: ReferentialDomain.CIVIL,
  description: "Natures d'affaires civiles: matières, sous-matières et natures d'affaires. Historical codes are kept beside their successors.",
  ownerBureau: 'Direction des affaires civiles et du Sceau (DACS)',
  levels: ['Matière', 'Sous-matière', "Nature d'affaire"],
  attributeDefinitions: [],
  requiresApproval: true,
};

export const NATINF_DEFINITION = {
  code: 'NATINF',
  name: "Nature d'infraction",
  domain: ReferentialDomain.PENAL,
  description: 'Criminal offence codes, each linked to the texts that define and punish it.',
  ownerBureau: 'Direction des affaires criminelles et des grâces (DACG)',
  levels: [],
  requiresApproval: true,
  attributeDefinitions: [{ name: 'nature', type: AttributeType.ENUM, required: true, values: NATINF_NATURES, description: 'Crime, délit or class of contravention.' }],
};
