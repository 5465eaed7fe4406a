import { registerEnumType } from 'type-graphql';

/** What happened to the entity: a consumer applies ADDED and CHANGED as "replace", ENDED as "no longer in force from validTo". */
export enum ChangeType {
  ADDED = 'ADDED',
  CHANGED = 'CHANGED',
  ENDED = 'ENDED',
  REMOVED = 'REMOVED',
}

registerEnumType(ChangeType, { name: 'ChangeType', description: 'The kind of change an event records.' });
