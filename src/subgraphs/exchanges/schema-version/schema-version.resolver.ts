import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { SchemaStatus } from './schema-enums';
import { SchemaVersion } from './schema-version.entity';
import { SchemaVersionService } from './schema-version.service';
import { AddSchemaVersionInput, MessageValidation } from './schema-version.types';

@Resolver(() => SchemaVersion)
export class SchemaVersionResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => SchemaVersion, { description: 'Adds a schema document version to an exchange; a JSON Schema must compile.' })
  addSchemaVersion(@Arg('input', () => AddSchemaVersionInput) input: AddSchemaVersionInput, @Ctx() { em }: GraphQLContext): Promise<SchemaVersion> {
    return new SchemaVersionService(em).add(input);
  }

  @Authorized(Role.ARCHITECT)
  @Mutation(() => SchemaVersion, { description: 'Publishes, deprecates or retires a schema version.' })
  setSchemaVersionStatus(
    @Arg('exchange', () => ID) exchange: string,
    @Arg('version') version: string,
    @Arg('status', () => SchemaStatus) status: SchemaStatus,
    @Ctx() { em }: GraphQLContext,
  ): Promise<SchemaVersion> {
    return new SchemaVersionService(em).setStatus(exchange, version, status);
  }

  @Query(() => MessageValidation, { description: 'Validates a sample message against a JSON Schema version of an exchange, with JSON Pointer error paths.' })
  validateMessage(
    @Arg('exchange', () => ID) exchange: string,
    @Arg('version') version: string,
    @Arg('payload', () => GraphQLJSON) payload: unknown,
    @Ctx() { em }: GraphQLContext,
  ): Promise<MessageValidation> {
    return new SchemaVersionService(em).validateMessage(exchange, version, payload);
  }
}
