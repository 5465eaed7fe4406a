import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import type { Exchange } from '../exchange/exchange.entity';
import { SchemaLanguage, SchemaStatus } from './schema-enums';

@ObjectType({ description: 'A versioned schema document (XSD or JSON Schema text) of an exchange.' })
@Entity()
@Unique({ properties: ['exchange', 'version'] })
export class SchemaVersion extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Exchange', { ref: true, deleteRule: 'cascade' })
  exchange!: Ref<Exchange>;

  @Field({ description: 'e.g. "2.1".' })
  @Property({ type: 'string', length: 32 })
  version!: string;

  @Field(() => SchemaLanguage)
  @Enum({ items: () => SchemaLanguage, nativeEnumName: 'schema_language' })
  language!: SchemaLanguage;

  @Field(() => SchemaStatus)
  @Enum({ items: () => SchemaStatus, nativeEnumName: 'schema_status' })
  status!: SchemaStatus;

  @Field({ description: 'The schema document itself.' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;
}
