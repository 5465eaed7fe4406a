import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import type { Application } from '../application/application.entity';

@ObjectType({ description: 'A version of an application put into service.' })
@Entity()
@Unique({ properties: ['application', 'version'] })
export class ApplicationRelease extends BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Application', { ref: true, deleteRule: 'cascade' })
  @Index()
  application!: Ref<Application>;

  @Field({ description: 'e.g. "4.12".' })
  @Property({ type: 'string', length: 64 })
  version!: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  releasedOn!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  notes: Opt<string> = '';

  @Field(() => [String])
  @Property({ type: 'json' })
  features: Opt<string[]> = [];
}
