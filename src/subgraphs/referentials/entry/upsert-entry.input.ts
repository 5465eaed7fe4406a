import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';

@InputType({ description: 'Legal texts of an offence, as NATINF writes them; each cell is parsed, kept raw when it cannot be.' })
export class LegalCellsInput {
  @Field({ nullable: true, description: '"Définie par", e.g. "ART.L.234-1 §II,§V C.ROUTE.".' })
  definedBy?: string;

  @Field({ nullable: true, description: '"Réprimée par".' })
  punishedBy?: string;
}

@InputType({ description: 'The full new state of an entry in the draft (created when the code is new).' })
export class UpsertEntryInput {
  @Field(() => ID)
  code!: string;

  @Field()
  label!: string;

  @Field(() => ID, { nullable: true })
  parentCode?: string;

  @Field(() => Int, { nullable: true, description: "Defaults to the parent's level + 1, or 1." })
  level?: number;

  @Field(() => GraphQLJSONObject, { nullable: true })
  attributes?: Record<string, unknown>;

  @Field(() => LocalDateScalar, { nullable: true })
  validFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo?: string;

  @Field(() => LegalCellsInput, { nullable: true, description: 'Replaces the legal references; omitted: they are kept.' })
  legalReferences?: LegalCellsInput;
}
