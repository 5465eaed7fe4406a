import { AttributeType } from '../referential/attribute-definition.type';
import { ReferentialDomain } from '../referential/referential-domain.enum';

/** A nature of offence as NATINF writes it, with the category and class queries use. */
export interface NatureTerm {
  code: string;
  label: string;
  category: string;
  class: number | null;
}

const classes = (code: string, label: string, category: string): NatureTerm[] =>
  [1, 2, 3, 4, 5].map((n) => ({ code: `${code}_${n}`, label: `${label} de classe ${n}`, category, class: n }));

/**
 * The first release of NATINF_NATURE: every nature of the ministry's file (customs offences have up to five
 * classes, more than an extract shows). Later values are added by a steward's release of NATINF_NATURE, not here.
 */
export const NATINF_NATURE_TERMS: readonly NatureTerm[] = [
  { code: 'CRIME', label: 'Crime', category: 'CRIME', class: null },
  { code: 'DELIT', label: 'Délit', category: 'DELIT', class: null },
  ...classes('CONTRAVENTION', 'Contravention', 'CONTRAVENTION'),
  ...classes('DELIT_DOUANIER', 'Délit douanier', 'DELIT_DOUANIER'),
  ...classes('CONTRAVENTION_DOUANIERE', 'Contravention douanière', 'CONTRAVENTION_DOUANIERE'),
  { code: 'INFRACTION_CIVILE', label: 'Infraction civile', category: 'INFRACTION_CIVILE', class: null },
];

/** NATINF's nature vocabulary: a referential of its own, so a new nature is a reviewed, versioned release. */
export const NATINF_NATURE_DEFINITION = {
  code: 'NATINF_NATURE',
  name: "Natures d'infraction (vocabulaire NATINF)",
  domain: ReferentialDomain.PENAL,
  description: "The values of NATINF's `nature`, as the ministry writes them (labels), with their category and class.",
  ownerBureau: 'Direction des affaires criminelles et des grâces (DACG)',
  levels: [],
  attributeDefinitions: [
    {
      name: 'category',
      type: AttributeType.STRING,
      required: true,
      values: null,
      description: 'CRIME, DELIT, CONTRAVENTION, DELIT_DOUANIER, CONTRAVENTION_DOUANIERE, INFRACTION_CIVILE…',
    },
    {
      name: 'class',
      type: AttributeType.INTEGER,
      required: false,
      values: null,
      description: 'Class 1 to 5 of a contravention or customs offence; none otherwise.',
    },
  ],
};

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
  attributeDefinitions: [
    {
      name: 'nature',
      type: AttributeType.ENUM,
      required: true,
      values: [],
      vocabulary: NATINF_NATURE_DEFINITION.code,
      description: 'Crime, délit, class of contravention or customs offence, infraction civile: the labels of NATINF_NATURE.',
    },
  ],
};
