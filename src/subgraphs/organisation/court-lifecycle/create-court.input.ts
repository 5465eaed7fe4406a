import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { CourtType } from '../court/court-type.enum';

@InputType({ description: 'A court being created (a new jurisdiction, or the target of a merger).' })
export class CreateCourtInput {
  @Field(() => ID, { description: "The ministry's code (I_ELST): 1 to 64 letters, digits or underscores." })
  code!: string;

  @Field(() => CourtType)
  type!: CourtType;

  @Field({ description: 'Full name, e.g. "Tribunal judiciaire de Nouvelleville".' })
  name!: string;

  @Field({ nullable: true, description: 'Ministry short name; derived from the name when omitted.' })
  shortName?: string;

  @Field(() => ID, { nullable: true })
  parentCode?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day in force.' })
  validFrom?: string;
}
