import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey } from '../../../kernel/auth/api-key.entity';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { CreateApiKeyInput } from './api-key.input';
import { ApiKeyService } from './api-key.service';
import { CreatedApiKey } from './created-api-key.type';
import { securityPorts } from '../security.ports';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'Every API key, revoked and expired ones included (never their secrets).' })
  apiKeys(@Ctx() { em }: GraphQLContext): Promise<ApiKey[]> {
    return new ApiKeyService(em).list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates an application key; the secret is in this answer only.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() { em, actor }: GraphQLContext): Promise<CreatedApiKey> {
    return new ApiKeyService(em, securityPorts.applications).create(input, actor);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes a key: its next request is refused.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<ApiKey> {
    return new ApiKeyService(em).revoke(Number(id));
  }
}
