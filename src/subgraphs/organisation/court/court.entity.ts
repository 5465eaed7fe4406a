import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { CourtSite } from '../court-site/court-site.entity';
import { CourtType } from './court-type.enum';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A court (juridiction) of the SRJ, identified by its ministry code.' })
@Entity()
@Index({ properties: ['type', 'code'] })
export class Court extends BaseEntity {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: "The ministry's court code (I_ELST), or a `TC_…` code for commercial courts, which have none in the SRJ extract." })
  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Field(() => CourtType)
  @Enum({ items: () => CourtType, nativeEnumName: 'court_type' })
  type!: CourtType;

  @Field({ description: 'Full name, e.g. "Tribunal judiciaire de Bourg-en-Bresse".' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field({ description: 'Short name as in the ministry file, e.g. "TJ BOURG EN BRESSE".' })
  @Property({ type: 'string', length: 255 })
  shortName!: string;

  /** Name folded for accent- and case-insensitive search. */
  @Property({ type: 'string', length: 255, hidden: true })
  searchName!: string;

  @ManyToOne(() => Court, { ref: true, nullable: true, deleteRule: 'set null' })
  @Index()
  parent?: Ref<Court> | null;

  @OneToMany(() => Court, (court) => court.parent)
  children = new Collection<Court>(this);

  @OneToMany(() => CourtSite, (site) => site.court)
  sites = new Collection<CourtSite>(this);

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day in force; null when unknown (in force since before the SRJ).' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day no longer in force (closed or merged); null while open.' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  /** The parent's code without loading it: what the field resolvers read, on an entity as on a row. */
  get parentCode(): string | null {
    return this.parent?.code ?? null;
  }
}

/** What the GraphQL `Court` is resolved from: an entity a write returns, or a plain row of the read path. */
export type CourtNode = Pick<Court, 'code' | 'type' | 'name' | 'shortName' | 'parentCode' | 'validFrom' | 'validTo'>;
