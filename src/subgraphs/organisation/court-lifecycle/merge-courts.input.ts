import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';

@InputType({ description: 'Courts absorbed by another on a given day (a "fusion de juridictions").' })
export class MergeCourtsInput {
  @Field(() => [ID], { description: 'The courts that close; each must be of the same type as the target.' })
  sourceCodes!: string[];

  @Field(() => ID, { description: 'The court that takes over their communes and attached courts.' })
  targetCode!: string;

  @Field(() => LocalDateScalar, { description: 'First day the target is competent; the sources close that day.' })
  on!: string;
}
