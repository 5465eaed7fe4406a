import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { Exchange } from './exchange.entity';
import { ExternalPartner, PartyRole } from './exchange-enums';

/** One side of an exchange: an application of the catalog (by code) or an external partner, never both. */
@ObjectType({ description: 'A producer or consumer of an exchange: an application, or an external partner.' })
@Entity()
@Check({ name: 'exchange_party_one_side_check', expression: '(application_code is null) <> (partner is null)' })
export class ExchangeParty {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Exchange', { ref: true, deleteRule: 'cascade' })
  @Index()
  exchange!: Ref<Exchange>;

  @Field(() => PartyRole)
  @Enum({ items: () => PartyRole, nativeEnumName: 'party_role' })
  role!: PartyRole;

  /** An application of the catalog subgraph: a plain code, no foreign key across subgraphs. */
  @Property({ type: 'string', length: 64, nullable: true })
  @Index()
  applicationCode?: string | null;

  @Field(() => ExternalPartner, { nullable: true })
  @Enum({ items: () => ExternalPartner, nativeEnumName: 'external_partner', nullable: true })
  partner?: ExternalPartner | null;

  @Field(() => String, { nullable: true, description: 'The partner system, e.g. "LRP (Police nationale)".' })
  @Property({ type: 'string', length: 255, nullable: true })
  partnerName?: string | null;
}

/** What the GraphQL `ExchangeParty` is resolved from: an entity a write returns, or a plain row of the read path. */
export type ExchangePartyNode = Pick<ExchangeParty, 'role' | 'applicationCode' | 'partner' | 'partnerName'>;
