import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext } from '../../src/kernel/graphql/context';
import { perRequest } from '../../src/kernel/graphql/request-services';

/** Only `em` identifies a request here: two contexts of one request share its forked entity manager. */
const contextOf = (em: object): GraphQLContext => ({ em: em as EntityManager }) as GraphQLContext;

describe('perRequest services', () => {
  it('builds the services once per request and never shares them with another request', () => {
    let builds = 0;
    const services = perRequest(({ em }) => ({ em, build: ++builds }));
    const first = {};
    const second = {};
    expect(services(contextOf(first))).toBe(services(contextOf(first)));
    expect(services(contextOf(second)).build).toBe(2);
    expect(services(contextOf(first)).em).toBe(first);
    expect(builds).toBe(2);
  });
});
