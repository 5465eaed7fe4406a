import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The referentials subgraph's Referential, seen from the catalog: its key; the catalog adds `consumers`. */
@Directive('@key(fields: "code")')
@ObjectType('Referential')
export class ReferentialStub {
  @Field(() => ID)
  code!: string;
}

export const referentialStub = (code: string): ReferentialStub => Object.assign(new ReferentialStub(), { code });
