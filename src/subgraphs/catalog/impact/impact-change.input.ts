import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new release of a referential, or a change to some of its entries.' })
export class ReferentialChangeInput {
  @Field(() => ID) referentialCode!: string;
  @Field(() => Int, { nullable: true, description: 'The release that brings the change.' }) releaseNumber?: number | null;
  @Field(() => [String], { nullable: true, description: 'Only these entry codes change.' }) entryCodes?: string[] | null;
}

@InputType({ description: 'A new or changed schema version of an exchange.' })
export class ExchangeSchemaChangeInput {
  @Field(() => ID) exchangeCode!: string;
  @Field() version!: string;
}

@InputType({ description: 'One change to analyse: give exactly one of the fields.' })
export class ImpactChangeInput {
  @Field(() => ReferentialChangeInput, { nullable: true }) referential?: ReferentialChangeInput | null;
  @Field(() => ExchangeSchemaChangeInput, { nullable: true }) exchangeSchema?: ExchangeSchemaChangeInput | null;
  @Field(() => String, { nullable: true, description: 'A legal text reference, e.g. "Code de procédure pénale, art. 41-1"; compared without accents or case.' })
  legalText?: string | null;
  @Field(() => ID, { nullable: true, description: 'The code of an application being retired.' }) retiredApplication?: string | null;
  @Field(() => String, { nullable: true, description: 'A schema coordinate to change or remove, e.g. "Court.name": the applications observed reading it.' })
  field?: string | null;
}
