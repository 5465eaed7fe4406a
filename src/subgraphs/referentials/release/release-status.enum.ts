import { registerEnumType } from 'type-graphql';

export enum ReleaseStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

registerEnumType(ReleaseStatus, { name: 'ReleaseStatus', description: 'DRAFT → PUBLISHED (immutable from then on) → RETIRED.' });
