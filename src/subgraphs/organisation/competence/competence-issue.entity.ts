import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { CourtType } from '../court/court-type.enum';

/** A court name from the competence file that matched no known court: kept and shown, never silently dropped. */
@ObjectType({ description: 'A court name of the territorial competence source that could not be matched to a court.' })
@Entity()
@Unique({ properties: ['kind', 'sourceName'] })
export class CompetenceIssue {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => CourtType)
  @Enum({ items: () => CourtType, nativeEnumName: 'court_type' })
  kind!: CourtType;

  @Field({ description: 'The name exactly as written in the source file.' })
  @Property({ type: 'string', length: 255 })
  sourceName!: string;

  @Field(() => Int, { description: 'Communes left without a court of this kind because of it.' })
  @Property({ type: 'integer' })
  communeCount!: number;

  @Field(() => [String], { description: 'A few of those communes (INSEE codes).' })
  @Property({ type: 'json' })
  sampleInseeCodes!: string[];

  @Field()
  @Property({ type: 'string', length: 1024 })
  reason!: string;
}
