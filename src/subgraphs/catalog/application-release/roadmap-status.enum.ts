import { registerEnumType } from 'type-graphql';

export enum RoadmapStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RoadmapStatus, { name: 'RoadmapStatus', description: 'State of a planned evolution.' });
