import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/** One accepted change, written in the change's own transaction; the table refuses UPDATE and DELETE (trigger). */
@ObjectType({ description: 'An accepted change: who, when, what, on what, and the state before and after.' })
@Entity()
@Index({ properties: ['referentialCode', 'id'] })
@Index({ properties: ['occurredAt'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Opt<Date> = new Date();

  @Field({ description: "The principal's id (token subject, `key:<prefix>`, or the CLI's actor)." })
  @Property({ type: 'string', length: 255 })
  actor!: string;

  @Field({ description: 'user, application, or cli.' })
  @Property({ type: 'string', length: 16 })
  actorKind!: string;

  @Field({ description: 'The mutation name, or `import`.' })
  @Property({ type: 'string', length: 64 })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'What was acted on (a code, an id), when the arguments name it.' })
  @Property({ type: 'string', length: 255, nullable: true })
  target?: string | null;

  @Field(() => String, { nullable: true, description: 'The referential (or `SRJ` for courts) whose stewards may read this entry.' })
  @Property({ type: 'string', length: 32, nullable: true })
  referentialCode?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  arguments?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed rows as they were: [{ entity, id, type, fields }].' })
  @Property({ type: 'jsonb', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed rows as they became: [{ entity, id, type, fields }].' })
  @Property({ type: 'jsonb', nullable: true })
  after?: unknown;
}
