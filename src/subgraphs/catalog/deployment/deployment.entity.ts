import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import type { Application } from '../application/application.entity';
import { DeploymentStatus } from './deployment-status.enum';

@ObjectType({ description: 'An application at a court: planned, piloted, deployed or withdrawn.' })
@Entity()
@Unique({ properties: ['application', 'courtCode'] })
export class Deployment extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Application', { ref: true, deleteRule: 'cascade' })
  application!: Ref<Application>;

  /** A court of the organisation subgraph: a plain code, no foreign key across subgraphs (coherenceReport checks it). */
  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  @Index()
  courtCode!: string;

  @Field(() => DeploymentStatus)
  @Enum({ items: () => DeploymentStatus, nativeEnumName: 'deployment_status' })
  status!: DeploymentStatus;

  @Field(() => Int, { nullable: true, description: 'Deployment wave (1 first).' })
  @Property({ type: 'integer', nullable: true })
  wave?: number | null;

  @Field(() => Int, { nullable: true, description: 'Priority within the wave (1 highest).' })
  @Property({ type: 'integer', nullable: true })
  priority?: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  plannedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the site went live (pilot or general).' })
  @Property({ type: 'date', nullable: true })
  deployedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  withdrawnOn?: string | null;

  /** The application's code without loading it: what the field resolvers read, on an entity as on a row. */
  get applicationCode(): Opt<string> {
    return this.application.code;
  }
}

/** What the GraphQL `Deployment` is resolved from: an entity a write returns, or a plain row of the read path. */
export type DeploymentNode = Pick<
  Deployment,
  'id' | 'applicationCode' | 'courtCode' | 'status' | 'wave' | 'priority' | 'plannedOn' | 'deployedOn' | 'withdrawnOn'
>;
