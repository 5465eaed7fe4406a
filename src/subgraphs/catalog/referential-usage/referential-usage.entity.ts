import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import type { Application } from '../application/application.entity';
import { UsageMode } from './usage-mode.enum';

@ObjectType({ description: 'An application using a referential, pinned to a release or following the latest.' })
@Entity()
@Unique({ properties: ['application', 'referentialCode'] })
export class ReferentialUsage extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Application', { ref: true, deleteRule: 'cascade' })
  application!: Ref<Application>;

  /** A referential of the referentials subgraph: a plain code, no foreign key across subgraphs. */
  @Field(() => ID)
  @Property({ type: 'string', length: 64 })
  @Index()
  referentialCode!: string;

  @Field(() => Int, { nullable: true, description: 'The release number the application is pinned to; null when it follows the latest published one.' })
  @Property({ type: 'integer', nullable: true })
  pinnedRelease?: number | null;

  @Field(() => UsageMode)
  @Enum({ items: () => UsageMode, nativeEnumName: 'usage_mode' })
  mode!: UsageMode;

  @Field(() => [String], { description: 'Legal texts that make this usage mandatory; impactOf(legalText) follows them.' })
  @Property({ type: 'json' })
  legalTexts: Opt<string[]> = [];

  /** The application's code without loading it: what the field resolvers read, on an entity as on a row. */
  get applicationCode(): Opt<string> {
    return this.application.code;
  }
}

/** What the GraphQL `ReferentialUsage` is resolved from: an entity a write returns, or a plain row of the read path. */
export type ReferentialUsageNode = Pick<ReferentialUsage, 'id' | 'applicationCode' | 'referentialCode' | 'pinnedRelease' | 'mode' | 'legalTexts'>;
