// Every operation of the Courts view: the organisation subgraph's API in one place.
export const COURTS_FIELDS = ['courts', 'court', 'competentCourts'];

const COURT = 'code name shortName type validFrom validTo';

export const COURT_TYPES = [
  'COUR_APPEL', 'TRIBUNAL_SUPERIEUR_APPEL', 'TRIBUNAL_JUDICIAIRE', 'TRIBUNAL_PREMIERE_INSTANCE',
  'TRIBUNAL_PROXIMITE', 'CONSEIL_PRUDHOMMES', 'TRIBUNAL_TRAVAIL', 'TRIBUNAL_COMMERCE',
] as const;
export type CourtType = (typeof COURT_TYPES)[number];

export const TYPE_LABEL: Record<CourtType, string> = {
  COUR_APPEL: "Cour d'appel",
  TRIBUNAL_SUPERIEUR_APPEL: "Tribunal supérieur d'appel",
  TRIBUNAL_JUDICIAIRE: 'Tribunal judiciaire',
  TRIBUNAL_PREMIERE_INSTANCE: 'Tribunal de première instance',
  TRIBUNAL_PROXIMITE: 'Tribunal de proximité',
  CONSEIL_PRUDHOMMES: "Conseil de prud'hommes",
  TRIBUNAL_TRAVAIL: 'Tribunal du travail',
  TRIBUNAL_COMMERCE: 'Tribunal de commerce',
};

export interface Court {
  code: string;
  name: string;
  shortName: string;
  type: CourtType;
  validFrom: string | null;
  validTo: string | null;
}

/** One alias per type: the whole picture in one request. */
export const COURT_COUNTS = `query CourtCounts($at: LocalDate) {
  ${COURT_TYPES.map((t) => `${t}: courts(filter: { type: ${t}, validAt: $at }, first: 1) { totalCount }`).join('\n  ')}
}`;
export type CourtCounts = Record<CourtType, { totalCount: number }>;

export const TOP_COURTS = `query TopCourts($at: LocalDate) {
  appeal: courts(filter: { type: COUR_APPEL, validAt: $at }, first: 100) { edges { node { ${COURT} } } }
  superior: courts(filter: { type: TRIBUNAL_SUPERIEUR_APPEL, validAt: $at }, first: 100) { edges { node { ${COURT} } } }
}`;
export interface TopCourts {
  appeal: { edges: { node: Court }[] };
  superior: { edges: { node: Court }[] };
}

export const COURT_CHILDREN = `query CourtChildren($code: ID!, $at: LocalDate) {
  court(code: $code) { code children(validAt: $at) { ${COURT} } }
}`;
export interface CourtChildren {
  court: { code: string; children: Court[] } | null;
}

export const COMPETENT_COURTS = `query CompetentCourts($insee: String!) {
  competentCourts(insee: $insee) {
    type
    court {
      ${COURT}
      ancestors { code shortName type }
      sites { label address postalCode city main }
    }
  }
}`;
export interface CompetentCourts {
  competentCourts: {
    type: CourtType;
    court: Court & {
      ancestors: { code: string; shortName: string; type: CourtType }[];
      sites: { label: string; address: string; postalCode: string | null; city: string; main: boolean }[];
    };
  }[];
}
