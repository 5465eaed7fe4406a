import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { exchangesServices } from '../exchanges.services';
import { SchemaStatus } from './schema-enums';
import { SchemaVersion } from './schema-version.entity';
import { AddSchemaVersionInput, MessageValidation } from './schema-version.types';

@Resolver(() => SchemaVersion)
export class SchemaVersionResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => SchemaVersion, { description: 'Adds a schema document version to an exchange; a JSON Schema must compile.' })
  addSchemaVersion(@Arg('input', () => AddSchemaVersionInput) input: AddSchemaVersionInput, @Ctx() ctx: GraphQLContext): Promise<SchemaVersion> {
    return exchangesServices(ctx).schemaVersions.add(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => SchemaVersion, { description: 'Publishes, deprecates or retires a schema version.' })
  setSchemaVersionStatus(
    @Arg('exchange', () => ID) exchange: string,
    @Arg('version') version: string,
    @Arg('status', () => SchemaStatus) status: SchemaStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchemaVersion> {
    return exchangesServices(ctx).schemaVersions.setStatus(exchange, version, status);
  }

  @Query(() => MessageValidation, { description: 'Validates a sample message against a JSON Schema version of an exchange, with JSON Pointer error paths.' })
  validateMessage(
    @Arg('exchange', () => ID) exchange: string,
    @Arg('version') version: string,
    @Arg('payload', () => GraphQLJSON) payload: unknown,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MessageValidation> {
    return exchangesServices(ctx).schemaVersions.validateMessage(exchange, version, payload);
  }
}
