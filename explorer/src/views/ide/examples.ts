export interface ExampleOperation {
  subgraph: string;
  title: string;
  /** Root fields the example uses: it is offered only when the served supergraph has them all. */
  fields: string[];
  query: string;
}

// One file for every example: adjusting them when a subgraph's API changes is a one-file change.
export const EXAMPLES: ExampleOperation[] = [
  {
    subgraph: 'organisation',
    title: 'Juridictions compétentes pour une commune',
    fields: ['competentCourts'],
    query: `# Les juridictions compétentes pour Abergement-Clémenciat (INSEE 01001)
query CompetentCourts {
  competentCourts(insee: "01001") {
    type
    court { code name parent { name } }
  }
}
`,
  },
  {
    subgraph: 'organisation',
    title: "Cours d'appel et leurs tribunaux judiciaires",
    fields: ['courts'],
    query: `query CoursDAppel {
  courts(filter: { type: COUR_APPEL }, first: 5) {
    totalCount
    edges { node { code name children(type: TRIBUNAL_JUDICIAIRE) { name } } }
  }
}
`,
  },
  {
    subgraph: 'organisation',
    title: 'Anomalies de compétence territoriale',
    fields: ['competenceIssues'],
    query: `query CompetenceIssues {
  competenceIssues { kind sourceName communeCount sampleInseeCodes reason }
}
`,
  },
  {
    subgraph: 'referentials',
    title: 'Recherche NATINF',
    fields: ['entries'],
    query: `query NatinfSearch {
  entries(referential: "NATINF", filter: { search: "conduite" }, first: 10) {
    totalCount
    edges { node { code label attributes legalReferences { role raw } } }
  }
}
`,
  },
  {
    subgraph: 'referentials',
    title: "Historique d'une entrée NAC",
    fields: ['entryHistory'],
    query: `query NacHistory {
  entryHistory(referential: "NAC", code: "10A") { code label validFrom validTo recordedIn supersededIn }
}
`,
  },
  {
    subgraph: 'catalog',
    title: 'Applications du pénal',
    fields: ['applications'],
    query: `query Applications {
  applications(filter: { domain: PENAL }) { code name lifecycleStatus ownerBureau }
}
`,
  },
  {
    subgraph: 'catalog',
    title: "Impact du retrait d'une application",
    fields: ['impactOf'],
    query: `query RetirementImpact {
  impactOf(change: { retiredApplication: "CASSIOPEE" }) {
    change
    applications { application { code name } paths { explanation } }
    exchanges { exchange { code name } }
    notes
  }
}
`,
  },
  {
    subgraph: 'exchanges',
    title: 'Échanges avec les partenaires',
    fields: ['exchanges'],
    query: `query Exchanges {
  exchanges(filter: { status: ACTIVE }) {
    code name format transport
    producer { partner partnerName application { code name } }
    consumers { partner partnerName application { code name } }
  }
}
`,
  },
  {
    subgraph: 'changes',
    title: 'Flux de changements publiés',
    fields: ['changes'],
    query: `query Changes {
  changes(since: null, referentials: ["NAC"], first: 20) {
    endCursor hasMore
    events { cursor type domain entityType entityKey releaseNumber payload idempotencyKey }
  }
}
`,
  },
];
