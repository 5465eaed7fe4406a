import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AttributeType {
  STRING = 'STRING',
  INTEGER = 'INTEGER',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  ENUM = 'ENUM',
}

registerEnumType(AttributeType, { name: 'AttributeType', description: "Type of an extra attribute of a referential's entries." });

@ObjectType({ description: 'An extra attribute every entry of a referential may carry (e.g. NATINF `nature`).', simpleResolvers: true })
@InputType('AttributeDefinitionInput')
export class AttributeDefinition {
  @Field({ description: 'Key in `Entry.attributes`.' })
  name!: string;

  @Field(() => AttributeType)
  type!: AttributeType;

  @Field(() => Boolean, { defaultValue: false })
  required: boolean = false;

  @Field(() => [String], { nullable: true, description: 'The allowed values, for ENUM.' })
  values?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For ENUM: the referential whose entry labels are also allowed values (NATINF `nature`: NATINF_NATURE), extended by publishing a release of it.',
  })
  vocabulary?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
