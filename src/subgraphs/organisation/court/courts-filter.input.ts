import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { CourtType } from './court-type.enum';

@InputType({ description: 'Narrows a court list; every criterion given must hold.' })
export class CourtsFilter {
  @Field(() => CourtType, { nullable: true })
  type?: CourtType;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this court.' })
  parentCode?: string;

  @Field({ nullable: true, description: 'Words of the name, accents and case ignored ("besancon" finds Besançon).' })
  search?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only courts in force on that day.' })
  validAt?: string;
}
