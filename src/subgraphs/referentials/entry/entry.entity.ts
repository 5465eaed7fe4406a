import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { ENTRY_COLUMN as column, ENTRY_TABLE } from './entry-columns';

/** The release and day an entry was read for: its parent, children and mappings are read in the same view. */
export interface EntryView {
  release: number;
  at: string | null;
}

/**
 * One version of an entry. A version is visible in release R when `recordedIn <= R` and it was not superseded by R;
 * published versions are never updated except to mark them superseded by a later release.
 */
// simpleResolvers (here and on the other read types): plain fields are read as properties, without type-graphql's per-field wrapper.
@ObjectType('Entry', { description: 'An entry of a referential, as recorded in a release.', simpleResolvers: true })
@Entity({ tableName: ENTRY_TABLE })
@Index({ properties: ['referentialCode', 'code', 'recordedIn'] })
@Index({ properties: ['referentialCode', 'parentCode'] })
@Index({ properties: ['referentialCode', 'level', 'code'] })
@Index({
  name: 'referential_entry_search_index',
  expression: `create index "referential_entry_search_index" on "${ENTRY_TABLE}" using gin ("${column.searchVector}")`,
})
export class Entry {
  @PrimaryKey({ fieldName: column.id, type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ fieldName: column.referentialCode, type: 'string', length: 32 })
  referentialCode!: string;

  @Field(() => ID)
  @Property({ fieldName: column.code, type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ fieldName: column.label, type: 'text' })
  label!: string;

  @Field(() => String, { nullable: true })
  @Property({ fieldName: column.parentCode, type: 'string', length: 64, nullable: true })
  parentCode?: string | null;

  @Field(() => Int, { description: 'Hierarchy level, 1 at the top.' })
  @Property({ fieldName: column.level, type: 'smallint', default: 1 })
  level: Opt<number> = 1;

  @Field(() => GraphQLJSONObject, { description: "Extra attributes, typed by the referential's definitions." })
  @Property({ fieldName: column.attributes, type: 'jsonb', defaultRaw: "'{}'" })
  attributes: Opt<Record<string, unknown>> = {};

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day in force (null: since always).' })
  @Property({ fieldName: column.validFrom, type: 'date', nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day no longer in force (null: still in force).' })
  @Property({ fieldName: column.validTo, type: 'date', nullable: true })
  validTo?: string | null;

  @Field(() => Int, { description: 'The release this version was recorded in.' })
  @Property({ fieldName: column.recordedIn, type: 'integer' })
  recordedIn!: number;

  @Field(() => Int, { nullable: true, description: 'The release that replaced this version, if any.' })
  @Property({ fieldName: column.supersededIn, type: 'integer', nullable: true })
  supersededIn?: number | null;

  /** The legal cells as the source wrote them (NATINF), kept to compare imports and to export the official layout. */
  @Property({ fieldName: column.legalCells, type: 'jsonb', nullable: true, hidden: true })
  legalCells?: { definedBy?: string | null; punishedBy?: string | null } | null;

  /** Folded label and code: what full-text search indexes. */
  @Property({ fieldName: column.searchText, type: 'text', hidden: true })
  searchText!: string;

  /** Its lexemes prefixed with the referential code (`NATINF|vol`), so a search walks only its list's index keys. */
  @Property({
    fieldName: column.searchVector,
    type: 'string',
    columnType: 'tsvector',
    generated: `(referential_search_vector(${column.referentialCode}, ${column.searchText})) stored`,
    hidden: true,
    lazy: true,
    nullable: true,
  })
  searchVector?: string;

  /** Not stored (no decorator, so the ORM ignores it): the view this instance was loaded for. */
  view?: EntryView;
}
