// Every operation of the Landscape map: the catalog and exchanges subgraphs' API in one place, to adjust after merge.
export const MAP_FIELDS = ['applications', 'exchanges', 'application', 'impactOf'];

const PARTY = 'partner partnerName application { code }';

export const LANDSCAPE = `query Landscape {
  applications { code name domain lifecycleStatus urbanisationZone }
  exchanges {
    code name status format transport signatureLevel
    producer { ${PARTY} }
    consumers { ${PARTY} }
  }
}`;
// Apart: with the parties, 300 exchanges × 50 schema versions cost 28 200, over the gateway's limit (20 000).
export const LANDSCAPE_SCHEMAS = `query LandscapeSchemas { exchanges { code schemaVersions { version status language } } }`;
export interface LandscapeSchemas {
  exchanges: Pick<MapExchange, 'code' | 'schemaVersions'>[];
}

/** The landscape with each exchange's schema versions put back. */
export function withSchemaVersions(landscape: LandscapeWithoutSchemas, schemas: LandscapeSchemas): Landscape {
  const versions = new Map(schemas.exchanges.map((x) => [x.code, x.schemaVersions]));
  return { ...landscape, exchanges: landscape.exchanges.map((x) => ({ ...x, schemaVersions: versions.get(x.code) ?? [] })) };
}

export interface MapApplication {
  code: string;
  name: string;
  domain: string;
  lifecycleStatus: string;
  urbanisationZone: string;
}

export interface MapParty {
  partner: string | null;
  partnerName: string | null;
  application: { code: string } | null;
}

export interface MapExchange {
  code: string;
  name: string;
  status: string;
  format: string;
  transport: string;
  signatureLevel: string;
  schemaVersions: { version: string; status: string; language: string }[];
  producer: MapParty | null;
  consumers: MapParty[];
}

export interface Landscape {
  applications: MapApplication[];
  exchanges: MapExchange[];
}
export interface LandscapeWithoutSchemas {
  applications: MapApplication[];
  exchanges: Omit<MapExchange, 'schemaVersions'>[];
}

/** The application, and what retiring it would touch (impactOf with retiredApplication). */
export const APPLICATION_DETAILS = `query ApplicationDetails($code: ID!) {
  application(code: $code) {
    code name description domain lifecycleStatus ownerBureau urbanisationZone
    referentialUsages { referentialCode pinnedRelease mode }
    deployments { status wave plannedOn deployedOn court { code name } }
  }
  impactOf(change: { retiredApplication: $code }) {
    change
    applications { application { code name } paths { explanation } }
    exchanges { exchange { code name } paths { explanation } }
    deployments { court { code name } }
    bureaus { bureau }
    notes
  }
}`;

export interface ApplicationDetails {
  application:
    | (MapApplication & {
        description: string;
        ownerBureau: string;
        referentialUsages: { referentialCode: string; pinnedRelease: number | null; mode: string }[];
        deployments: {
          status: string;
          wave: number | null;
          plannedOn: string | null;
          deployedOn: string | null;
          court: { code: string; name: string } | null;
        }[];
      })
    | null;
  impactOf: {
    change: string;
    applications: { application: { code: string; name: string }; paths: { explanation: string }[] }[];
    exchanges: { exchange: { code: string; name: string }; paths: { explanation: string }[] }[];
    deployments: { court: { code: string; name: string } }[];
    bureaus: { bureau: string }[];
    notes: string[];
  } | null;
}
