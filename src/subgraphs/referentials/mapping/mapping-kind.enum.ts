import { registerEnumType } from 'type-graphql';

export enum MappingKind {
  REPLACED_BY = 'REPLACED_BY',
  EQUIVALENT = 'EQUIVALENT',
  BROADER = 'BROADER',
  NARROWER = 'NARROWER',
}

registerEnumType(MappingKind, { name: 'MappingKind', description: 'How a source entry relates to a target entry (a crosswalk).' });
