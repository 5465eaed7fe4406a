import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import type { Application } from '../application/application.entity';
import { RoadmapStatus } from './roadmap-status.enum';

@ObjectType({ description: 'A planned evolution of an application, with what requires it (a legal change, a referential release).' })
@Entity()
export class RoadmapItem extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Application', { ref: true, deleteRule: 'cascade' })
  @Index()
  application!: Ref<Application>;

  @Field()
  @Property({ type: 'string', length: 255 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  targetDate?: string | null;

  @Field(() => RoadmapStatus)
  @Enum({ items: () => RoadmapStatus, nativeEnumName: 'roadmap_status' })
  status: Opt<RoadmapStatus> = RoadmapStatus.PLANNED;

  @Field(() => String, { nullable: true, description: 'The referential whose release requires this evolution.' })
  @Property({ type: 'string', length: 64, nullable: true })
  @Index()
  referentialCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'That referential release number.' })
  @Property({ type: 'integer', nullable: true })
  referentialRelease?: number | null;

  @Field(() => [String], { description: 'Legal texts that require this evolution, e.g. "Loi 2023-1059 art. 14".' })
  @Property({ type: 'json' })
  legalTexts: Opt<string[]> = [];
}
