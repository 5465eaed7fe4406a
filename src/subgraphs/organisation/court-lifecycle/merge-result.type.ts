import { Field, Int, ObjectType } from 'type-graphql';
import { Court } from '../court/court.entity';

@ObjectType({ description: 'What a merger changed.' })
export class MergeResult {
  @Field(() => Court)
  target!: Court;

  @Field(() => [Court], { description: 'The courts closed by the merger.' })
  closed!: Court[];

  @Field(() => Int, { description: 'Territorial competences moved to the target (one per commune and kind).' })
  transferredCompetences!: number;

  @Field(() => Int, { description: 'Attached courts (children) now under the target.' })
  reattachedCourts!: number;
}
