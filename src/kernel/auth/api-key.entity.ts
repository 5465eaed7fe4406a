import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

/** An application's credential: only a hash of the secret is stored; looked up by its public prefix. */
@ObjectType({ description: "An application's API key (its secret is shown once, at creation, and never stored)." })
@Entity()
export class ApiKey {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field({ description: 'The public part of the key (`rj_<prefix>_…`), to recognise it in logs and lists.' })
  @Property({ type: 'string', length: 32, unique: true })
  prefix!: string;

  /** SHA-256 of the whole key, hex: keys are 256-bit random, so a fast hash is enough. */
  @Property({ type: 'string', length: 64 })
  secretHash!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true, nativeEnumName: 'principal_role' })
  roles!: Role[];

  @Field(() => [String], { description: 'Referential codes this key is STEWARD of.' })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  stewardOf: Opt<string[]> = [];

  @Field(() => String, {
    nullable: true,
    description: 'The catalog application it belongs to (e.g. "CASSIOPEE"): its requests are counted under that application in the observed usage.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  application?: string | null;

  @Field(() => Boolean, { description: 'Held to the allow-list of persisted operations.' })
  @Property({ type: 'boolean', default: false })
  allowListOnly: Opt<boolean> = false;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field()
  @Property({ type: 'string', length: 255 })
  createdBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
