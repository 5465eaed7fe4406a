import { Field, ID, InputType } from 'type-graphql';
import { AttributeDefinition } from './attribute-definition.type';
import { ReferentialDomain } from './referential-domain.enum';

@InputType({ description: 'A new code list; its entries are then added through a draft release.' })
export class CreateReferentialInput {
  @Field(() => ID, { description: 'Upper-case letters, digits, _ (e.g. NATINF).' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ReferentialDomain)
  domain!: ReferentialDomain;

  @Field({ nullable: true })
  description?: string;

  @Field()
  ownerBureau!: string;

  @Field(() => [String], { nullable: true, description: 'Names of the hierarchy levels, from the top.' })
  levels?: string[];

  @Field(() => [AttributeDefinition], { nullable: true })
  attributes?: AttributeDefinition[];
}
