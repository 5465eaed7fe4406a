import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The referentials subgraph's Referential, named by exchanges; the gateway fetches its entries from there. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Referential')
export class ReferentialStub {
  @Field(() => ID)
  code!: string;
}

export const referentialStub = (code: string): ReferentialStub => Object.assign(new ReferentialStub(), { code });
