import { label } from '../../i18n/fr';

// Every operation of the Courts view: the organisation subgraph's API in one place.
export const COURTS_FIELDS = ['courts', 'court', 'competentCourts'];

const COURT = 'code name shortName type validFrom validTo';

export const COURT_TYPES = [
  'COUR_APPEL',
  'TRIBUNAL_SUPERIEUR_APPEL',
  'TRIBUNAL_JUDICIAIRE',
  'TRIBUNAL_PREMIERE_INSTANCE',
  'TRIBUNAL_PROXIMITE',
  'CONSEIL_PRUDHOMMES',
  'TRIBUNAL_TRAVAIL',
  'TRIBUNAL_COMMERCE',
] as const;
export type CourtType = (typeof COURT_TYPES)[number];

export const TYPE_LABEL = Object.fromEntries(COURT_TYPES.map((t) => [t, label('CourtType', t)])) as Record<CourtType, string>;

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
      ancestors { code name shortName type }
      sites { label address postalCode city main }
    }
  }
}`;
export interface CompetentCourts {
  competentCourts: {
    type: CourtType;
    court: Court & {
      ancestors: { code: string; name: string; shortName: string; type: CourtType }[];
      sites: { label: string; address: string; postalCode: string | null; city: string; main: boolean }[];
    };
  }[];
}

export const COURT_DETAILS = `query CourtDetails($code: ID!, $at: LocalDate) {
  court(code: $code) {
    ${COURT}
    ancestors { code name shortName type }
    children(validAt: $at) { code name type }
    sites {
      id label address postalCode city inseeCode main phones emails website directoryUrl directoryUpdatedOn
      openingHours { days note slots { opens closes } }
    }
  }
}`;
/** A court's site with what the public directory says of it (contacts, hours). */
export interface CourtSite {
  id: string;
  label: string;
  address: string | null;
  postalCode: string | null;
  city: string;
  inseeCode: string;
  main: boolean;
  phones: string[];
  emails: string[];
  website: string | null;
  directoryUrl: string | null;
  directoryUpdatedOn: string | null;
  openingHours: { days: string; note: string | null; slots: { opens: string; closes: string }[] }[];
}
export interface CourtDetails {
  court:
    | (Court & {
        ancestors: { code: string; name: string; shortName: string; type: CourtType }[];
        children: { code: string; name: string; type: CourtType }[];
        sites: CourtSite[];
      })
    | null;
}

/** Courts whose name has the words typed: suggestions beside the communes, for a name the commune list lacks. */
export const COURT_SEARCH = `query CourtSearch($search: String!) {
  courts(filter: { search: $search }, first: 6) { edges { node { code name type } } }
}`;
export interface CourtSearch {
  courts: { edges: { node: { code: string; name: string; type: CourtType } }[] };
}
