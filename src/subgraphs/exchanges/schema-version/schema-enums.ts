import { registerEnumType } from 'type-graphql';

export enum SchemaLanguage {
  XSD = 'XSD',
  JSON_SCHEMA = 'JSON_SCHEMA',
}

export enum SchemaStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  DEPRECATED = 'DEPRECATED',
  RETIRED = 'RETIRED',
}

registerEnumType(SchemaLanguage, { name: 'SchemaLanguage', description: 'Language of a schema document.' });
registerEnumType(SchemaStatus, { name: 'SchemaStatus', description: 'State of a schema version.' });
