// Every operation of the Landscape map: the catalog and exchanges subgraphs' API in one place, to adjust after merge.
export const MAP_FIELDS = ['applications', 'exchanges', 'application', 'impactOf'];

export const LANDSCAPE = `query Landscape {
  applications { code name domain lifecycleStatus urbanisationZone }
  exchanges {
    code name status
    parties { role partner partnerName application { code } }
  }
}`;

export interface MapApplication {
  code: string;
  name: string;
  domain: string;
  lifecycleStatus: string;
  urbanisationZone: string;
}

export interface MapExchange {
  code: string;
  name: string;
  status: string;
  parties: { role: 'PRODUCER' | 'CONSUMER'; partner: string | null; partnerName: string | null; application: { code: string } | null }[];
}

export interface Landscape {
  applications: MapApplication[];
  exchanges: MapExchange[];
}

export const APPLICATION_DETAILS = `query ApplicationDetails($code: ID!) {
  application(code: $code) {
    code name description domain lifecycleStatus ownerBureau urbanisationZone
    referentialUsages { referentialCode pinnedRelease mode }
    deployments { status wave goLiveDate court { code name } }
  }
  impactOf(applicationCode: $code) {
    applications { code name }
    exchanges { code name }
    courts { code name }
  }
}`;

export interface ApplicationDetails {
  application: (MapApplication & {
    description: string;
    ownerBureau: string;
    referentialUsages: { referentialCode: string; pinnedRelease: number | null; mode: string }[];
    deployments: { status: string; wave: number | null; goLiveDate: string | null; court: { code: string; name: string } | null }[];
  }) | null;
  impactOf: { applications: { code: string; name: string }[]; exchanges: { code: string; name: string }[]; courts: { code: string; name: string }[] } | null;
}
