import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey } from '../../../kernel/auth/api-key.entity';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { securityServices } from '../security.services';
import { CreateApiKeyInput } from './api-key.input';
import { CreatedApiKey } from './created-api-key.type';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'Every API key, revoked and expired ones included (never their secrets).' })
  apiKeys(@Ctx() ctx: GraphQLContext): Promise<ApiKey[]> {
    return securityServices(ctx).apiKeys.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an application key; the secret is in this answer only.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    return securityServices(ctx).apiKeys.create(input, ctx.actor);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes a key: its next request is refused.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    return securityServices(ctx).apiKeys.revoke(Number(id));
  }
}
