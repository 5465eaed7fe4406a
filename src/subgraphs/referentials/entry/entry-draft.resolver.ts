import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { referentialsServices } from '../referentials.services';
import { ReleaseDiff } from '../diff/release-diff.types';
import { EntryMapping } from '../mapping/entry-mapping.entity';
import { MappingKind } from '../mapping/mapping-kind.enum';
import { Entry } from './entry.entity';
import { UpsertEntryInput } from './upsert-entry.input';

/** Stewards' edits of the draft, each checked against the draft's version, and the diff between releases. */
@Resolver()
export class EntryDraftResolver {
  @Authorized(Role.STEWARD)
  @Mutation(() => Entry, { description: 'Creates or replaces an entry in the draft; `expectedVersion` is the draft version you read.' })
  upsertEntry(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpsertEntryInput) input: UpsertEntryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Entry> {
    return referentialsServices(ctx).entryDrafts.upsert(referential, expectedVersion, input);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Entry, { description: 'Ends an entry on a day, in the draft: earlier `at` queries keep the old answer.' })
  endDateEntry(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('code', () => ID) code: string,
    @Arg('validTo', () => LocalDateScalar) validTo: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Entry> {
    return referentialsServices(ctx).entryDrafts.endDate(referential, expectedVersion, code, validTo);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => EntryMapping, { description: 'Links an entry of the draft to another entry (same or other referential).' })
  addEntryMapping(
    @Arg('referential', () => ID) referential: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('fromCode', () => ID) fromCode: string,
    @Arg('kind', () => MappingKind) kind: MappingKind,
    @Arg('toReferential', () => ID) toReferential: string,
    @Arg('toCode', () => ID) toCode: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EntryMapping> {
    return referentialsServices(ctx).entryDrafts.addMapping(referential, expectedVersion, fromCode, kind, toReferential, toCode);
  }

  @Query(() => ReleaseDiff, { description: 'Entries added, removed and changed (field by field) between two releases.' })
  releaseDiff(
    @Arg('referential', () => ID) referential: string,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int) to: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReleaseDiff> {
    return referentialsServices(ctx).releaseDiffs.diff(referential, from, to, ctx.principal);
  }
}
