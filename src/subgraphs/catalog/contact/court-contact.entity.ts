import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { ContactRole } from './contact-role.enum';

@ObjectType({ description: 'A local IT manager or correspondent at a court, for a period.' })
@Entity()
export class CourtContact extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** A court of the organisation subgraph: a plain code, no foreign key across subgraphs. */
  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  @Index()
  courtCode!: string;

  @Field(() => ContactRole)
  @Enum({ items: () => ContactRole, nativeEnumName: 'contact_role' })
  role!: ContactRole;

  @Field()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'For an application correspondent: the application code.' })
  @Property({ type: 'string', length: 64, nullable: true })
  applicationCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}

/** What the GraphQL `CourtContact` is resolved from: an entity a write returns, or a plain row of the read path. */
export type CourtContactNode = Pick<CourtContact, 'id' | 'courtCode' | 'role' | 'name' | 'email' | 'applicationCode' | 'validFrom' | 'validTo'>;
