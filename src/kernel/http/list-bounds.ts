/**
 * How many items each unpaginated list field can hold, by schema coordinate: the query cost model multiplies what
 * is selected under a list by this bound (a paginated field is multiplied by its `first` instead). Taken from the
 * data, with room: a cour d'appel has about 20 courts below it in the SRJ (60 allowed for), a NAC node 29 children,
 * a court a few applications deployed (30), the ministry's catalog a few hundred applications (300).
 * A list field missing here counts DEFAULT_LIST_BOUND; tests/security/query-cost.spec.ts fails until it is declared.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  // Connections and pages: the enclosing field's `first` already counts them.
  'CourtConnection.edges': 1,
  'EntryConnection.edges': 1,
  'OffenceCitationConnection.edges': 1,
  'AuditEntryConnection.edges': 1,
  'ChangePage.events': 1,
  // Paginated fields whose largest page is not MAX_PAGE_SIZE: what `first: $variable` counts.
  'Query.changes': 1000,
  'Query.deadWebhookDeliveries': 1000,
  // A subgraph's entity fetch: the gateway counted the whole query before planning it.
  'Query._entities': 1,

  'Query.applications': 300,
  'Query.exchanges': 300,
  'Query.competentCourts': 12,
  'Query.competenceIssues': 500,
  'Query.entryHistory': 100,
  'Query.referentials': 100,
  'Query.apiKeys': 200,
  'Query.webhooks': 100,

  'ApiKey.roles': 4,
  'ApiKey.stewardOf': 50,
  'Application.releases': 100,
  'Application.roadmap': 100,
  'Application.deployments': 1000,
  'Application.referentialUsages': 10,
  'Application.exchanges': 30,
  'ApplicationRelease.features': 50,
  'AttributeDefinition.values': 200,
  'CoherenceReport.issues': 1000,
  'CoherenceReport.pendingChecks': 20,
  'CompetenceIssue.sampleInseeCodes': 10,
  'Court.deployments': 30,
  'Court.contacts': 50,
  'Court.children': 60,
  'Court.ancestors': 5,
  'Court.sites': 20,
  // The public directory (data/annuaire-juridictions.csv): at most 1 phone, 2 emails, 5 day ranges of 2 slots a site.
  'CourtSite.phones': 10,
  'CourtSite.emails': 10,
  'CourtSite.openingHours': 14,
  'OpeningHours.slots': 6,
  'Entry.children': 100,
  'Entry.ancestors': 10,
  'Entry.legalReferences': 20,
  'Entry.mappings': 50,
  'EntryChange.changes': 8,
  'Exchange.messageTypes': 20,
  'Exchange.legalTexts': 20,
  'Exchange.consumers': 20,
  'Exchange.referentials': 10,
  'Exchange.schemaVersions': 50,
  'Impact.applications': 300,
  'Impact.exchanges': 300,
  'Impact.deployments': 1000,
  'Impact.bureaus': 100,
  'Impact.notes': 20,
  'ImpactedApplication.paths': 10,
  'ImpactedBureau.paths': 10,
  'ImpactedExchange.paths': 10,
  'ImpactPath.steps': 10,
  'ImportJob.errors': 200,
  'OffenceCitation.roles': 2,
  'OffenceCitation.references': 20,
  'LegalReference.paragraphs': 20,
  'MergeResult.closed': 20,
  'MessageValidation.errors': 100,
  'Referential.consumers': 300,
  'Referential.levels': 10,
  'Referential.attributeDefinitions': 50,
  'Referential.releases': 200,
  'ReferentialUsage.legalTexts': 20,
  // A release diff is not paginated; most touch fewer entries than this, an import can touch more: what is nested
  // under its entries is what this bound has to stop, and it does (Entry.children under it passes the limit).
  'ReleaseDiff.added': 1000,
  'ReleaseDiff.removed': 1000,
  'ReleaseDiff.changed': 1000,
  'RoadmapItem.legalTexts': 20,
  'WebhookSubscription.domains': 20,
  'WebhookSubscription.types': 3,
  // Observed usage (catalog): a client reads a few hundred coordinates; 30 days; the schema's few thousand fields.
  'Query.unusedFields': 3000,
  'Query.deprecatedFieldUsage': 200,
  'ClientUsage.coordinates': 1000,
  'ClientUsage.referentials': 50,
  'FieldUsage.clients': 200,
  'FieldUsage.last30Days': 31,
  'FieldClientUsage.operations': 30,
  'ObservedReferentialUsage.readers': 300,
  'ReferentialReader.releases': 50,
  'ImpactedApplication.evidence': 2,
  // Imports: the unparsed legal-reference shapes a report keeps.
  'LegalReferenceReport.unparsedPatterns': 100,
  // Stewardship: releases under review or scheduled, and the remarks on one.
  'Query.pendingReviews': 100,
  'Query.upcomingReleases': 50,
  'Referential.upcomingReleases': 20,
  'Release.comments': 200,
};

/** What an undeclared list counts: enough to refuse lists nested in lists. */
export const DEFAULT_LIST_BOUND = 100;
