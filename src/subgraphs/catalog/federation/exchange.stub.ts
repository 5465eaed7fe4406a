import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The exchanges subgraph's Exchange, named by impact results; the gateway fetches the rest from `exchanges`. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Exchange')
export class ExchangeStub {
  @Field(() => ID)
  code!: string;
}

export const exchangeStub = (code: string): ExchangeStub => Object.assign(new ExchangeStub(), { code });
