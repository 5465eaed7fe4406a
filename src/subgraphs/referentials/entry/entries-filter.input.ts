import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Narrows a list of entries; every criterion given must hold.' })
export class EntriesFilter {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this entry.' })
  parentCode?: string;

  @Field(() => Int, { nullable: true })
  level?: number;

  @Field({ nullable: true, description: 'Words of the label or code, accents and case ignored, each a prefix ("escroq" finds ESCROQUERIE); results ranked.' })
  search?: string;

  @Field(() => String, { nullable: true, description: 'Category of the nature (NATINF: DELIT_DOUANIER, CONTRAVENTION…), as the vocabulary gives it.' })
  category?: string;

  @Field(() => Int, { nullable: true, description: 'Class of the nature (1–5).' })
  class?: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Attribute values the entries must have, e.g. {"nature": "Délit"}.' })
  attributes?: Record<string, unknown>;
}
