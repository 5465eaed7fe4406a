import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Referential } from '../referential/referential.entity';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { ReviewState } from '../review/review-state.enum';
import { ReleaseStatus } from './release-status.enum';

@ObjectType('Release', { description: 'A numbered state of a referential. Published releases never change.' })
@Entity({ tableName: 'referential_release' })
@Unique({ properties: ['referential', 'number'] })
// One draft at a time per referential: the draft is always the highest number, which keeps version visibility simple.
@Index({
  name: 'referential_release_one_draft',
  expression: `create unique index "referential_release_one_draft" on "referential_release" ("referential_code") where "status" = 'DRAFT'`,
})
export class Release {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Referential, { ref: true, deleteRule: 'cascade' })
  referential!: Ref<Referential>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => ReleaseStatus)
  @Enum({ items: () => ReleaseStatus, nativeEnumName: 'release_status' })
  status!: ReleaseStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  createdBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  publishedBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  @Field(() => Int, { description: 'Bumped by every change to a draft; pass it back as `expectedVersion` (optimistic concurrency).' })
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  @Field(() => ReviewState, { description: 'Where the open release stands in the four-eyes review (see `stage` for the whole lifecycle).' })
  @Enum({ items: () => ReviewState, nativeEnumName: 'release_review_state', default: ReviewState.DRAFT })
  reviewState: Opt<ReviewState> = ReviewState.DRAFT;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  submittedBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'The draft version submitted: an approval is refused once the draft moved past it.' })
  @Property({ type: 'integer', nullable: true })
  submittedVersion?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  approvedBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'The draft version approved: publication is refused once the draft moved past it.' })
  @Property({ type: 'integer', nullable: true })
  approvedVersion?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the release takes effect: approved, it is published by the platform that day.' })
  @Property({ type: 'date', nullable: true })
  effectiveOn?: string | null;
}
