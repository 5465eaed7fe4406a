/**
 * ILLUSTRATIVE DEMO DATA: a plausible picture of the judicial information system, written to show what the
 * catalog and exchanges subgraphs can answer. Names of applications are real; descriptions, owners, statuses,
 * exchanges, versions, dates, deployments and contacts are simplified or invented and are NOT an authoritative
 * map of the ministry's IS. Every row loaded from here is stored with `illustrative = true` where the table has it.
 */
export const ILLUSTRATIVE = true;

export interface LandscapeApplication {
  code: string;
  name: string;
  description: string;
  domain: 'CIVIL' | 'PENAL' | 'GESTION' | 'TRANSVERSE';
  ownerBureau: string;
  lifecycleStatus: 'STUDY' | 'DEVELOPMENT' | 'EXPERIMENTATION' | 'DEPLOYMENT' | 'PRODUCTION' | 'DECOMMISSIONING' | 'RETIRED';
  urbanisationZone: string;
  releases?: { version: string; releasedOn: string; notes?: string; features?: string[] }[];
  roadmap?: { title: string; targetDate: string; referentialCode?: string; referentialRelease?: number; legalTexts?: string[] }[];
  usages?: { referentialCode: string; mode: 'READ' | 'PRODUCE'; pinnedRelease?: number; legalTexts?: string[] }[];
  deployments?: { courtCode: string; status: 'PLANNED' | 'EXPERIMENTAL' | 'DEPLOYED' | 'WITHDRAWN'; wave?: number; deployedOn?: string }[];
}

type Party =
  { app: string } | { partner: 'POLICE' | 'GENDARMERIE' | 'LAWYERS_NETWORK' | 'PRISON_ADMINISTRATION' | 'TREASURY' | 'OTHER_MINISTRY'; name?: string };

export interface LandscapeExchange {
  code: string;
  name: string;
  producer: Party;
  consumers: Party[];
  messageTypes: string[];
  format: 'XML' | 'JSON' | 'PDF' | 'CSV' | 'FLAT_FILE';
  transport: 'WEB_SERVICE' | 'FILE_TRANSFER' | 'MESSAGE_QUEUE' | 'PORTAL' | 'EMAIL';
  signatureLevel: 'NONE' | 'ADVANCED' | 'QUALIFIED';
  retentionPeriod?: string;
  retentionLegalBasis?: string;
  status: 'PLANNED' | 'ACTIVE' | 'DEPRECATED' | 'RETIRED';
  referentialCodes: string[];
  legalTexts?: string[];
}

// Court codes are real SRJ codes (TJ Bourg-en-Bresse, Lyon, Paris, Marseille, Lille, Rennes; CA Lyon, Paris).
const CPP_PPN = 'Code de procédure pénale, art. 801-1';

export const applications: LandscapeApplication[] = [
  {
    code: 'CASSIOPEE',
    name: 'Cassiopée',
    domain: 'PENAL',
    ownerBureau: 'DACG / DSJ',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Chaîne pénale',
    description: 'Criminal case management of the tribunaux judiciaires, from registration to judgment.',
    releases: [
      { version: '4.11', releasedOn: '2025-10-06', features: ['Audiencement'] },
      { version: '4.12', releasedOn: '2026-03-16', features: ['NATINF release follow-up'] },
    ],
    roadmap: [{ title: 'Take the next NATINF release', targetDate: '2026-12-01', referentialCode: 'NATINF', referentialRelease: 2 }],
    usages: [{ referentialCode: 'NATINF', mode: 'READ', pinnedRelease: 1, legalTexts: [CPP_PPN] }],
    deployments: ['100039', '100167', '915273', '100059', '100146', '100098'].map((courtCode) => ({
      courtCode,
      status: 'DEPLOYED',
      wave: 1,
      deployedOn: '2014-06-30',
    })),
  },
  {
    code: 'NPP',
    name: 'NPP (procédure pénale numérique)',
    domain: 'PENAL',
    ownerBureau: 'SG / Programme PPN',
    lifecycleStatus: 'DEPLOYMENT',
    urbanisationZone: 'Chaîne pénale',
    description: 'Native digital criminal file, received from investigators and shared along the criminal chain.',
    usages: [{ referentialCode: 'NATINF', mode: 'READ', legalTexts: [CPP_PPN] }],
    deployments: [
      { courtCode: '100039', status: 'EXPERIMENTAL', wave: 1, deployedOn: '2021-03-01' },
      { courtCode: '100167', status: 'DEPLOYED', wave: 2, deployedOn: '2023-01-16' },
      { courtCode: '915273', status: 'PLANNED', wave: 4 },
    ],
  },
  {
    code: 'PLINE',
    name: 'PLINE (plateforme d’échanges interministérielle)',
    domain: 'TRANSVERSE',
    ownerBureau: 'SG / SNUM',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Échanges interministériels',
    description: 'Receives digital procedures from police and gendarmerie and routes them to the courts.',
    usages: [{ referentialCode: 'NATINF', mode: 'READ' }],
  },
  {
    code: 'PLEX',
    name: 'PLEX (plateforme d’échanges externes)',
    domain: 'TRANSVERSE',
    ownerBureau: 'SG / SNUM',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Échanges externes',
    description: 'Shares files with lawyers and other outside parties.',
  },
  {
    code: 'PORTALIS',
    name: 'Portalis',
    domain: 'CIVIL',
    ownerBureau: 'DSJ / SDOJI',
    lifecycleStatus: 'DEPLOYMENT',
    urbanisationZone: 'Chaîne civile',
    description: 'Civil procedure portal and case management, replacing WinCI.',
    roadmap: [{ title: 'Use the NAC codes of the next release', targetDate: '2027-01-01', referentialCode: 'NAC', legalTexts: ['Décret 2019-1333'] }],
    usages: [{ referentialCode: 'NAC', mode: 'READ' }],
    deployments: [
      { courtCode: '100167', status: 'DEPLOYED', wave: 1, deployedOn: '2024-09-02' },
      { courtCode: '100098', status: 'EXPERIMENTAL', wave: 2 },
    ],
  },
  {
    code: 'WINCI',
    name: 'WinCI TJ',
    domain: 'CIVIL',
    ownerBureau: 'DSJ / SDOJI',
    lifecycleStatus: 'DECOMMISSIONING',
    urbanisationZone: 'Chaîne civile',
    description: 'Civil case management of the tribunaux judiciaires, being replaced by Portalis.',
    usages: [{ referentialCode: 'NAC', mode: 'READ', pinnedRelease: 1 }],
    deployments: [
      { courtCode: '100039', status: 'DEPLOYED' },
      { courtCode: '100167', status: 'WITHDRAWN' },
    ],
  },
  {
    code: 'MINOS',
    name: 'Minos',
    domain: 'PENAL',
    ownerBureau: 'DACG',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Chaîne pénale',
    description: 'Processing of traffic and other fixed-penalty offences by the officers of the public prosecution.',
    usages: [{ referentialCode: 'NATINF', mode: 'READ' }],
  },
  {
    code: 'APPI',
    name: 'APPI',
    domain: 'PENAL',
    ownerBureau: 'DAP / DSJ',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Exécution des peines',
    description: 'Sentence enforcement and probation follow-up.',
    usages: [{ referentialCode: 'NATINF', mode: 'READ' }],
    deployments: [
      { courtCode: '100039', status: 'DEPLOYED' },
      { courtCode: '915273', status: 'DEPLOYED' },
    ],
  },
  {
    code: 'E_BARREAU',
    name: 'e-Barreau',
    domain: 'TRANSVERSE',
    ownerBureau: 'DSJ / SDOJI',
    lifecycleStatus: 'PRODUCTION',
    urbanisationZone: 'Échanges externes',
    description: 'Electronic communication between courts and lawyers (over the lawyers’ private network).',
  },
  {
    code: 'GIDE',
    name: 'GIDE',
    domain: 'PENAL',
    ownerBureau: 'DACG',
    lifecycleStatus: 'RETIRED',
    urbanisationZone: 'Chaîne pénale',
    description: 'Former criminal case management, replaced by Cassiopée; kept here to show what coherenceReport finds.',
  },
];

export const exchanges: LandscapeExchange[] = [
  {
    code: 'PROC_POLICE_PLINE',
    name: 'Procédures de la police nationale',
    producer: { partner: 'POLICE', name: 'LRPPN' },
    consumers: [{ app: 'PLINE' }],
    messageTypes: ['PROCEDURE', 'PIECE'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'QUALIFIED',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
    legalTexts: [CPP_PPN],
  },
  {
    code: 'PROC_GN_PLINE',
    name: 'Procédures de la gendarmerie nationale',
    producer: { partner: 'GENDARMERIE', name: 'LRPGN' },
    consumers: [{ app: 'PLINE' }],
    messageTypes: ['PROCEDURE', 'PIECE'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'QUALIFIED',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
    legalTexts: [CPP_PPN],
  },
  {
    code: 'PLINE_NPP',
    name: 'Dossiers pénaux numériques vers NPP',
    producer: { app: 'PLINE' },
    consumers: [{ app: 'NPP' }],
    messageTypes: ['DOSSIER'],
    format: 'JSON',
    transport: 'MESSAGE_QUEUE',
    signatureLevel: 'ADVANCED',
    retentionPeriod: 'P10Y',
    retentionLegalBasis: 'Code du patrimoine, art. L212-2',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
  },
  {
    code: 'NPP_CASSIOPEE',
    name: 'Enregistrement des procédures dans Cassiopée',
    producer: { app: 'NPP' },
    consumers: [{ app: 'CASSIOPEE' }],
    messageTypes: ['AFFAIRE', 'PERSONNE', 'INFRACTION'],
    format: 'JSON',
    transport: 'WEB_SERVICE',
    signatureLevel: 'NONE',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
  },
  {
    code: 'CASSIOPEE_APPI',
    name: 'Décisions à exécuter',
    producer: { app: 'CASSIOPEE' },
    consumers: [{ app: 'APPI' }],
    messageTypes: ['DECISION', 'PEINE'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'NONE',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
  },
  {
    code: 'APPI_GENESIS',
    name: 'Mesures transmises à l’administration pénitentiaire',
    producer: { app: 'APPI' },
    consumers: [{ partner: 'PRISON_ADMINISTRATION', name: 'GENESIS' }],
    messageTypes: ['MESURE'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'NONE',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
  },
  {
    code: 'MINOS_TRESOR',
    name: 'Amendes à recouvrer',
    producer: { app: 'MINOS' },
    consumers: [{ partner: 'TREASURY', name: 'DGFiP' }],
    messageTypes: ['AMENDE'],
    format: 'CSV',
    transport: 'FILE_TRANSFER',
    signatureLevel: 'NONE',
    retentionPeriod: 'P5Y',
    status: 'ACTIVE',
    referentialCodes: ['NATINF'],
  },
  {
    code: 'PORTALIS_EBARREAU',
    name: 'Avis et convocations aux avocats',
    producer: { app: 'PORTALIS' },
    consumers: [{ app: 'E_BARREAU' }],
    messageTypes: ['AVIS', 'CONVOCATION'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'ADVANCED',
    status: 'ACTIVE',
    referentialCodes: ['NAC'],
  },
  {
    code: 'EBARREAU_RPVA',
    name: 'Messages du réseau privé virtuel des avocats',
    producer: { app: 'E_BARREAU' },
    consumers: [{ partner: 'LAWYERS_NETWORK', name: 'RPVA' }],
    messageTypes: ['MESSAGE', 'PIECE'],
    format: 'XML',
    transport: 'WEB_SERVICE',
    signatureLevel: 'ADVANCED',
    status: 'ACTIVE',
    referentialCodes: [],
  },
  {
    code: 'CASSIOPEE_GIDE',
    name: 'Reprise des historiques GIDE',
    producer: { app: 'CASSIOPEE' },
    consumers: [{ app: 'GIDE' }],
    messageTypes: ['HISTORIQUE'],
    format: 'FLAT_FILE',
    transport: 'FILE_TRANSFER',
    signatureLevel: 'NONE',
    status: 'DEPRECATED',
    referentialCodes: ['NATINF'],
  },
];

/** A JSON Schema version for PLINE_NPP, so validateMessage has something to check against. */
export const plineNppSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Dossier pénal numérique (illustrative)',
  type: 'object',
  required: ['procedureNumber', 'offences'],
  properties: {
    procedureNumber: { type: 'string', pattern: '^[0-9]{5}/[0-9]{5}/[0-9]{4}$' },
    offences: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['natinf'],
        properties: { natinf: { type: 'string', pattern: '^[0-9]{1,5}$' }, committedOn: { type: 'string', format: 'date' } },
      },
    },
  },
};

export const contacts = [
  { courtCode: '100039', role: 'LOCAL_IT_MANAGER', name: 'Correspondant informatique (exemple)', email: 'informatique.tj-bourg@example.justice.fr' },
  {
    courtCode: '100167',
    role: 'APPLICATION_CORRESPONDENT',
    name: 'Référent Portalis (exemple)',
    email: 'portalis.tj-lyon@example.justice.fr',
    applicationCode: 'PORTALIS',
  },
] as const;
