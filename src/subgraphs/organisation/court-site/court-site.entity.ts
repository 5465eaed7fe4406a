import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import type { Court } from '../court/court.entity';

@ObjectType({ description: 'A building where a court sits or receives the public.' })
@Entity()
export class CourtSite extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Court', { ref: true, deleteRule: 'cascade' })
  @Index()
  court!: Ref<Court>;

  @Field({ description: 'e.g. "Palais de justice".' })
  @Property({ type: 'string', length: 255 })
  label!: string;

  @Field()
  @Property({ type: 'string', length: 512 })
  address!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 5, nullable: true })
  postalCode?: string | null;

  @Field()
  @Property({ type: 'string', length: 255 })
  city!: string;

  @Field({ description: 'INSEE code of the commune the site stands in.' })
  @Property({ type: 'string', length: 5 })
  inseeCode!: string;

  @Field(() => Boolean, { description: 'The main seat of the court.' })
  @Property({ type: 'boolean', default: false })
  main: Opt<boolean> = false;
}
