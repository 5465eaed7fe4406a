import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Release } from '../release/release.entity';
import { ReviewCommentKind } from './review-state.enum';

/** A reviewer's remark on a release, or on one entry of it; the review's steps are recorded here too. */
@ObjectType({ description: 'A remark on a release under review (on the whole release, or on one entry), or a step of its review.' })
@Entity()
@Index({ properties: ['release', 'id'] })
export class ReleaseComment {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Release, { ref: true, deleteRule: 'cascade' })
  release!: Ref<Release>;

  /** Kept beside the release id: the data-version trigger and the audit scope need it. */
  @Property({ type: 'string', length: 32 })
  referentialCode!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  releaseNumber!: number;

  @Field(() => String, { nullable: true, description: 'The entry commented on; null for the whole release.' })
  @Property({ type: 'string', length: 64, nullable: true })
  entryCode?: string | null;

  @Field(() => ReviewCommentKind)
  @Enum({ items: () => ReviewCommentKind, nativeEnumName: 'review_comment_kind' })
  kind!: ReviewCommentKind;

  @Field()
  @Property({ type: 'string', length: 255 })
  author!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => Int, { description: 'The draft version the comment was made on.' })
  @Property({ type: 'integer' })
  draftVersion!: number;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
