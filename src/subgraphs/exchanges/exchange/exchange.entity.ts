import { Collection, Entity, Enum, OneToMany, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { SchemaVersion } from '../schema-version/schema-version.entity';
import { ExchangeParty } from './exchange-party.entity';
import { ExchangeReferential } from './exchange-referential.entity';
import { ExchangeStatus, MessageFormat, SignatureLevel, Transport } from './exchange-enums';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A flow of messages between applications or with external partners.' })
@Entity()
export class Exchange extends BaseEntity {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'Short stable code, e.g. "PV_PLAINTE_NPP".' })
  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Field(() => [String], { description: 'Message types carried, e.g. "PROCEDURE", "AVIS_AUDIENCE".' })
  @Property({ type: 'json' })
  messageTypes: Opt<string[]> = [];

  @Field(() => MessageFormat)
  @Enum({ items: () => MessageFormat, nativeEnumName: 'message_format' })
  format!: MessageFormat;

  @Field(() => Transport)
  @Enum({ items: () => Transport, nativeEnumName: 'exchange_transport' })
  transport!: Transport;

  @Field(() => SignatureLevel)
  @Enum({ items: () => SignatureLevel, nativeEnumName: 'signature_level' })
  signatureLevel!: SignatureLevel;

  @Field(() => String, { nullable: true, description: 'Archive retention as an ISO 8601 duration, e.g. "P10Y".' })
  @Property({ type: 'string', length: 32, nullable: true })
  retentionPeriod?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal basis of the retention period.' })
  @Property({ type: 'string', length: 512, nullable: true })
  retentionLegalBasis?: string | null;

  @Field(() => ExchangeStatus)
  @Enum({ items: () => ExchangeStatus, nativeEnumName: 'exchange_status' })
  status!: ExchangeStatus;

  @Field(() => [String], { description: 'Legal texts that govern the exchange; impactOf(legalText) follows them.' })
  @Property({ type: 'json' })
  legalTexts: Opt<string[]> = [];

  @Field(() => Boolean, { description: 'True for demo data: an illustration, not an authoritative description.' })
  @Property({ type: 'boolean', default: false })
  illustrative: Opt<boolean> = false;

  @OneToMany(() => ExchangeParty, (p) => p.exchange)
  parties = new Collection<ExchangeParty>(this);

  @OneToMany(() => ExchangeReferential, (r) => r.exchange)
  referentialLinks = new Collection<ExchangeReferential>(this);

  @OneToMany(() => SchemaVersion, (v) => v.exchange)
  schemaVersions = new Collection<SchemaVersion>(this);
}

/** What the GraphQL `Exchange` is resolved from: an entity a write returns, or a plain row of the read path. */
export type ExchangeNode = Pick<
  Exchange,
  | 'code'
  | 'name'
  | 'description'
  | 'messageTypes'
  | 'format'
  | 'transport'
  | 'signatureLevel'
  | 'retentionPeriod'
  | 'retentionLegalBasis'
  | 'status'
  | 'legalTexts'
  | 'illustrative'
>;
