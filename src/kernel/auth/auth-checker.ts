import type { AuthCheckerFn } from 'type-graphql';
import { toGraphQLError } from '../errors/to-graphql-error';
import type { GraphQLContext } from '../graphql/context';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { assertSteward, hasRole, isAuthenticated } from './principal';
import { Role } from './role.enum';

/**
 * type-graphql's `@Authorized(...)`: `@Authorized()` any authenticated principal, `@Authorized(Role.X)` that role
 * (ADMIN implies all). STEWARD is per referential: a resolver with a `referential` argument is checked against it.
 * Throws the mapped GraphQL error itself, so the codes are ours whatever wraps the check.
 */
export const authChecker: AuthCheckerFn<GraphQLContext, Role> = ({ context, args }, roles) => {
  const principal = context.principal;
  try {
    if (!principal || !isAuthenticated(principal)) throw new AuthException(AuthExceptionCode.CREDENTIALS_REQUIRED);
    if (roles.length && !roles.some((role) => hasRole(principal, role))) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
    const referential = (args as Record<string, unknown>).referential;
    if (roles.includes(Role.STEWARD) && !roles.some((r) => r !== Role.STEWARD && hasRole(principal, r)) && typeof referential === 'string') {
      assertSteward(principal, referential);
    }
    return true;
  } catch (error) {
    context.logger?.warn({ principal: principal?.id, roles, reason: (error as AuthException).reason }, 'access refused');
    throw toGraphQLError(error);
  }
};
