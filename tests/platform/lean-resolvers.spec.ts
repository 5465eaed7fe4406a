import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../src/kernel/auth/role.enum';
import { buildFederatedSchema } from '../../src/kernel/federation/build-federated-schema';
import { leanResolvers } from '../../src/kernel/federation/lean-resolvers';
import type { GraphQLContext } from '../../src/kernel/graphql/context';
import { ANONYMOUS, type Principal } from '../../src/kernel/auth/principal';

const ADMIN: Principal = { kind: 'user', id: 'admin', roles: [Role.ADMIN], stewardOf: [] };

/** What the resolvers below were called with, to compare type-graphql's calls with the direct ones. */
const calls: { filter?: unknown; n?: unknown; root?: unknown; context?: unknown }[] = [];

@InputType()
class Filter {
  @Field({ nullable: true }) word?: string;
}

@ObjectType()
class Thing {
  @Field() code!: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing])
  things(@Arg('filter', () => Filter, { nullable: true }) filter?: Filter, @Arg('n', () => Int, { nullable: true }) n?: number): Thing[] {
    calls.push({ filter, n });
    return [{ code: filter?.word ?? `n${n ?? 0}` }];
  }

  @FieldResolver(() => String)
  label(@Root() thing: Thing, @Ctx() context: GraphQLContext): string {
    calls.push({ root: thing, context });
    return `label of ${thing.code}`;
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => String)
  secret(@Root() thing: Thing): string {
    return `secret of ${thing.code}`;
  }
}

/**
 * Resolvers without roles or middlewares are called directly, not through type-graphql's handler (its promises per
 * argument): the same arguments, an input object still converted by type-graphql, roles still checked.
 */
describe('lean resolvers', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [ThingResolver] });
  });
  beforeEach(() => void calls.splice(0));
  const run = (source: string, context: Partial<GraphQLContext>) => graphql({ schema, source, contextValue: context });

  it('calls resolvers without roles directly, and leaves those with roles to type-graphql', () => {
    expect([...leanResolvers([ThingResolver], 'Query').keys()].sort()).toEqual(['Query.things', 'Thing.label']);
  });

  it('passes scalars, the root and the context as type-graphql does, synchronously', async () => {
    const context = { principal: ANONYMOUS } as Partial<GraphQLContext>;
    const answer = await run('{ things(n: 2) { code label } }', context);
    expect(answer).toEqual({ data: { things: [{ code: 'n2', label: 'label of n2' }] } });
    expect(calls).toEqual([
      { filter: undefined, n: 2 },
      { root: { code: 'n2' }, context },
    ]);
  });

  it('has type-graphql convert an input object given: the resolver gets an instance of its class', async () => {
    const answer = await run('{ things(filter: { word: "w" }) { code } }', { principal: ANONYMOUS });
    expect(answer).toEqual({ data: { things: [{ code: 'w' }] } });
    expect(calls[0].filter).toBeInstanceOf(Filter);
    expect(calls[0].filter).toEqual(Object.assign(new Filter(), { word: 'w' }));
  });

  it('still checks roles on the resolvers that have them', async () => {
    const refused = await run('{ things { secret } }', { principal: ANONYMOUS });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const allowed = await run('{ things { secret } }', { principal: ADMIN });
    expect(allowed).toEqual({ data: { things: [{ secret: 'secret of n0' }] } });
  });
});
