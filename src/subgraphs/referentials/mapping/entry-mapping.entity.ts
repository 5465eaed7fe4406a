import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MappingKind } from './mapping-kind.enum';

/** A link between entries, within or across referentials, recorded in a release of the source referential. */
@ObjectType({ description: 'A link from this entry to another (e.g. an old NAC code REPLACED_BY its successor).', simpleResolvers: true })
@Entity()
@Index({ properties: ['fromReferential', 'fromCode'] })
export class EntryMapping {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 32 })
  fromReferential!: string;

  @Property({ type: 'string', length: 64 })
  fromCode!: string;

  @Field(() => MappingKind)
  @Enum({ items: () => MappingKind, nativeEnumName: 'mapping_kind' })
  kind!: MappingKind;

  @Field(() => ID)
  @Property({ type: 'string', length: 32 })
  toReferential!: string;

  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  toCode!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  recordedIn!: number;
}
