import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportJobReport } from '../legal-reference/legal-reference-report';

export enum ImportJobStatus {
  RUNNING = 'RUNNING',
  WRITTEN = 'WRITTEN',
  NO_CHANGE = 'NO_CHANGE',
  DRY_RUN = 'DRY_RUN',
  REFUSED = 'REFUSED',
  FAILED = 'FAILED',
}

registerEnumType(ImportJobStatus, { name: 'ImportJobStatus' });

/** One import of a file (CLI or HTTP), recorded outside the import's own transaction so refusals stay visible. */
@ObjectType({ description: 'An import of a file into a referential: its outcome, counts and problems.' })
@Entity()
@Index({ properties: ['referentialCode', 'startedAt'] })
export class ImportJob {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID)
  @Property({ type: 'string', length: 32 })
  referentialCode!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  file!: string;

  @Field(() => ImportJobStatus)
  @Enum({ items: () => ImportJobStatus, nativeEnumName: 'import_job_status' })
  status!: ImportJobStatus;

  @Field()
  @Property({ type: 'string', length: 255 })
  actor!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  startedAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  rowsRead: Opt<number> = 0;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  invalidRows: Opt<number> = 0;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'added, changed (with per-field counts), removed, unchanged.' })
  @Property({ type: 'jsonb', nullable: true })
  diff?: Record<string, unknown> | null;

  @Field(() => [String], { description: 'The first problems, as "file:line [column]: reason".' })
  @Property({ type: 'jsonb', defaultRaw: "'[]'" })
  errors: Opt<string[]> = [];

  @Field(() => Int, { description: 'All problems, listed or not.' })
  @Property({ type: 'integer', default: 0 })
  errorCount: Opt<number> = 0;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Milliseconds per phase (read, checks, diff, write, legalReferences, changeEvents, analyze).',
  })
  @Property({ type: 'jsonb', nullable: true })
  timings?: Record<string, number> | null;

  @Field(() => ImportJobReport, {
    nullable: true,
    description: 'What the import found beyond its counts: legal-reference fragments read, unparsed ones by shape.',
  })
  @Property({ type: 'jsonb', nullable: true })
  report?: ImportJobReport | null;

  @Field(() => Int, { nullable: true, description: 'The release written, if any.' })
  @Property({ type: 'integer', nullable: true })
  releaseNumber?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  failure?: string | null;
}
