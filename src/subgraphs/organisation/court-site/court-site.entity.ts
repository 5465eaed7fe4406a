import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import type { Court } from '../court/court.entity';
import { OpeningHours } from './opening-hours.type';

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

  @Field(() => String, { nullable: true, description: 'Street address; null when the directory gives only "postcode commune".' })
  @Property({ type: 'string', length: 512, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 5, nullable: true })
  postalCode?: string | null;

  @Field()
  @Property({ type: 'string', length: 255 })
  city!: string;

  @Field({ description: 'INSEE code of the commune the site stands in.' })
  @Property({ type: 'string', length: 5 })
  inseeCode!: string;

  @Field(() => [String], { description: 'Phone numbers, as the directory writes them.' })
  @Property({ type: 'json', defaultRaw: "'[]'" })
  phones: Opt<string[]> = [];

  @Field(() => [String])
  @Property({ type: 'json', defaultRaw: "'[]'" })
  emails: Opt<string[]> = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 512, nullable: true })
  website?: string | null;

  @Field(() => [OpeningHours])
  @Property({ type: 'json', defaultRaw: "'[]'" })
  openingHours: Opt<OpeningHours[]> = [];

  @Field(() => String, { nullable: true, description: 'Its page in the official directory (lannuaire.service-public.gouv.fr).' })
  @Property({ type: 'string', length: 512, nullable: true })
  directoryUrl?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the directory last updated it.' })
  @Property({ type: 'date', nullable: true })
  directoryUpdatedOn?: string | null;

  @Field(() => Boolean, { description: 'The main seat of the court.' })
  @Property({ type: 'boolean', default: false })
  main: Opt<boolean> = false;
}
