// The explorer's one dictionary: every enum code and message shown to people, in French. Codes stay in tooltips.
const ENUMS = {
  CourtType: {
    COUR_APPEL: "Cour d'appel",
    TRIBUNAL_SUPERIEUR_APPEL: "Tribunal supérieur d'appel",
    TRIBUNAL_JUDICIAIRE: 'Tribunal judiciaire',
    TRIBUNAL_PREMIERE_INSTANCE: 'Tribunal de première instance',
    TRIBUNAL_PROXIMITE: 'Tribunal de proximité',
    CONSEIL_PRUDHOMMES: "Conseil de prud'hommes",
    TRIBUNAL_TRAVAIL: 'Tribunal du travail',
    TRIBUNAL_COMMERCE: 'Tribunal de commerce',
  },
  ApplicationDomain: { CIVIL: 'Civil', PENAL: 'Pénal', GESTION: 'Gestion', TRANSVERSE: 'Transverse' },
  LifecycleStatus: {
    STUDY: 'À l’étude',
    DEVELOPMENT: 'En développement',
    EXPERIMENTATION: 'En expérimentation',
    DEPLOYMENT: 'En déploiement',
    PRODUCTION: 'En production',
    DECOMMISSIONING: 'En cours de retrait',
    RETIRED: 'Retirée',
  },
  DeploymentStatus: { PLANNED: 'Prévu', EXPERIMENTAL: 'Site pilote', DEPLOYED: 'Déployé', WITHDRAWN: 'Retiré' },
  ExchangeStatus: { PLANNED: 'Prévu', ACTIVE: 'Actif', DEPRECATED: 'Déprécié', RETIRED: 'Retiré' },
  ExternalPartner: {
    POLICE: 'Police nationale',
    GENDARMERIE: 'Gendarmerie nationale',
    LAWYERS_NETWORK: 'Réseau des avocats (RPVA)',
    PRISON_ADMINISTRATION: 'Administration pénitentiaire',
    TREASURY: 'Trésor public (DGFiP)',
    OTHER_MINISTRY: 'Autre ministère',
  },
  MessageFormat: { XML: 'XML', JSON: 'JSON', PDF: 'PDF', CSV: 'CSV', FLAT_FILE: 'Fichier plat' },
  Transport: { WEB_SERVICE: 'Service web', FILE_TRANSFER: 'Transfert de fichiers', MESSAGE_QUEUE: 'File de messages', PORTAL: 'Portail', EMAIL: 'Courriel' },
  SignatureLevel: { NONE: 'Aucune', ADVANCED: 'Avancée', QUALIFIED: 'Qualifiée' },
  SchemaStatus: { DRAFT: 'Brouillon', PUBLISHED: 'Publié', DEPRECATED: 'Déprécié', RETIRED: 'Retiré' },
  SchemaLanguage: { XSD: 'XSD', JSON_SCHEMA: 'JSON Schema' },
  UsageMode: { READ: 'Lecture', PRODUCE: 'Alimentation' },
  ReleaseStatus: { DRAFT: 'Brouillon', PUBLISHED: 'Publiée', RETIRED: 'Retirée' },
  ReviewStep: { COMMENT: 'Commentaire', SUBMITTED: 'Soumise', APPROVED: 'Approuvée', REJECTED: 'Rejetée', PUBLISHED: 'Publiée' },
  LegalRole: { DEFINES: 'Définie par', PUNISHES: 'Réprimée par' },
  ChangeLevel: { breaking: 'cassant', dangerous: 'risqué', safe: 'sûr' },
  TypeKind: { object: 'type', interface: 'interface', enum: 'énumération', input: 'entrée', scalar: 'scalaire', union: 'union' },
} as const;

export type EnumName = keyof typeof ENUMS;

/** The French label of an enum code; the code itself when the dictionary does not know it yet (a new value). */
export function label(enumName: EnumName, code: string | null | undefined): string {
  if (!code) return '—';
  return (ENUMS[enumName] as Record<string, string>)[code] ?? code;
}

/** Every code of an enum the dictionary knows, in its order (filters list them). */
export const codes = (enumName: EnumName): string[] => Object.keys(ENUMS[enumName]);

export const MESSAGES = {
  loading: 'Chargement…',
  notFound: 'Page introuvable',
  viewError: 'Cette vue a rencontré une erreur',
  network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  serverError: 'Le serveur a rencontré une erreur. Réessayez dans un instant.',
  unavailable: "Ce sous-graphe n'est pas disponible",
} as const;

/** GraphQL error codes as people read them; the server's own message follows in a tooltip. */
const ERROR_CODES: Record<string, string> = {
  NOT_FOUND: 'Introuvable',
  BAD_USER_INPUT: 'Saisie invalide',
  GRAPHQL_VALIDATION_FAILED: 'Requête invalide',
  GRAPHQL_PARSE_FAILED: 'Requête illisible',
  FORBIDDEN: 'Accès refusé',
  UNAUTHENTICATED: 'Authentification requise',
  RATE_LIMITED: 'Trop de requêtes : patientez une minute',
  INTERNAL_SERVER_ERROR: MESSAGES.serverError,
};

export const errorCodeLabel = (code: string | undefined): string | undefined => (code ? ERROR_CODES[code] : undefined);
