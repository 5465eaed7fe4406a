import { Collection, Entity, Enum, OneToMany, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { ApplicationRelease } from '../application-release/application-release.entity';
import { RoadmapItem } from '../application-release/roadmap-item.entity';
import { Deployment } from '../deployment/deployment.entity';
import { ReferentialUsage } from '../referential-usage/referential-usage.entity';
import { ApplicationDomain, LifecycleStatus } from './application-enums';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'An application of the judicial information system, as the map of the IS describes it.' })
@Entity()
export class Application extends BaseEntity {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'Short stable code, upper case, e.g. "CASSIOPEE".' })
  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Field(() => ApplicationDomain)
  @Enum({ items: () => ApplicationDomain, nativeEnumName: 'application_domain' })
  domain!: ApplicationDomain;

  @Field({ description: 'Owner bureau (maîtrise d\'ouvrage), e.g. "DSJ/SDOJI".' })
  @Property({ type: 'string', length: 255 })
  ownerBureau!: string;

  @Field(() => LifecycleStatus)
  @Enum({ items: () => LifecycleStatus, nativeEnumName: 'lifecycle_status' })
  lifecycleStatus!: LifecycleStatus;

  @Field({ description: "Urbanisation zone: the functional area of the information system's map." })
  @Property({ type: 'string', length: 255 })
  urbanisationZone!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1024, nullable: true })
  documentationUrl?: string | null;

  @Field(() => Boolean, { description: 'True for demo data: an illustration, not an authoritative description of the application.' })
  @Property({ type: 'boolean', default: false })
  illustrative: Opt<boolean> = false;

  @OneToMany(() => ApplicationRelease, (r) => r.application)
  releases = new Collection<ApplicationRelease>(this);

  @OneToMany(() => RoadmapItem, (r) => r.application)
  roadmap = new Collection<RoadmapItem>(this);

  @OneToMany(() => Deployment, (d) => d.application)
  deployments = new Collection<Deployment>(this);

  @OneToMany(() => ReferentialUsage, (u) => u.application)
  referentialUsages = new Collection<ReferentialUsage>(this);
}

/** What the GraphQL `Application` is resolved from: an entity a write returns, or a plain row of the read path. */
export type ApplicationNode = Pick<
  Application,
  'code' | 'name' | 'description' | 'domain' | 'ownerBureau' | 'lifecycleStatus' | 'urbanisationZone' | 'documentationUrl' | 'illustrative'
>;
