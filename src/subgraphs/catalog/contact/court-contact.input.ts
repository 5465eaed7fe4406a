import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { ContactRole } from './contact-role.enum';

@InputType({ description: 'A local IT manager or correspondent at a court.' })
export class AddCourtContactInput {
  @Field(() => ID) courtCode!: string;
  @Field(() => ContactRole) role!: ContactRole;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => ID, { nullable: true }) applicationCode?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) validTo?: string | null;
}
