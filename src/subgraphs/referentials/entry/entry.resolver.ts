import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { referentialsServices } from '../referentials.services';
import { LegalReference } from '../legal-reference/legal-reference.entity';
import { LegalRole } from '../legal-reference/legal-text-kind.enum';
import { EntryMapping } from '../mapping/entry-mapping.entity';
import { Referential } from '../referential/referential.entity';
import { EntriesFilter } from './entries-filter.input';
import { EntryConnection } from './entry-connection.type';
import { Entry, type EntryView } from './entry.entity';
import { entryByCode, entryChildren, entryMappings, legalReferences } from './entry-loaders';
import type { EntryRow } from './entry.repository';
import { pageExtras } from './page-extras';
import { referentialByCode, type ReferentialRow } from '../referential/referential.repository';

/**
 * The view hierarchy fields are read in: the one the entry was read in, else (an entity a mutation returned) the
 * release that recorded it.
 */
const viewOf = (entry: EntryRow): EntryView => entry.view ?? { release: entry.recordedIn, at: null };

@Resolver(() => Entry)
export class EntryResolver {
  @Query(() => EntryConnection, {
    description: 'Entries of a referential as of a release (latest published by default), optionally only those in force on a day.',
  })
  async entries(
    @Arg('referential', () => ID) referential: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('at', () => LocalDateScalar, { nullable: true, description: 'Only entries in force that day.' }) at?: string,
    @Arg('release', () => Int, { nullable: true }) release?: number,
    @Arg('filter', () => EntriesFilter, { nullable: true }) filter?: EntriesFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<EntryConnection> {
    const service = referentialsServices(ctx).entries;
    return service.list(referential, await service.view(referential, release, at, ctx.principal), filter ?? undefined, first, after, pageExtras(info));
  }

  @Query(() => Entry, { nullable: true, description: 'One entry as of a release (latest published by default) and, when given, in force on `at`.' })
  async entry(
    @Arg('referential', () => ID) referential: string,
    @Arg('code', () => ID) code: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('at', () => LocalDateScalar, { nullable: true }) at?: string,
    @Arg('release', () => Int, { nullable: true }) release?: number,
  ): Promise<EntryRow | null> {
    const service = referentialsServices(ctx).entries;
    return service.findOne(referential, code, await service.view(referential, release, at, ctx.principal));
  }

  @Query(() => [Entry], { description: 'Every published version of an entry, oldest first: what it meant in each release and period.' })
  entryHistory(@Arg('referential', () => ID) referential: string, @Arg('code', () => ID) code: string, @Ctx() ctx: GraphQLContext): Promise<EntryRow[]> {
    return referentialsServices(ctx).entries.history(referential, code);
  }

  @FieldResolver(() => Referential)
  async referential(@Root() entry: EntryRow, @Ctx() { em }: GraphQLContext): Promise<ReferentialRow> {
    return (await referentialByCode(em).load(entry.referentialCode))!;
  }

  @FieldResolver(() => Entry, { nullable: true })
  // Plain values when the page read them already: no promise per entry for graphql to wait on.
  parent(@Root() entry: EntryRow, @Ctx() { em }: GraphQLContext): EntryRow | null | Promise<EntryRow | null> {
    if (!entry.parentCode) return null;
    if (entry.preloaded?.parent !== undefined) return entry.preloaded.parent;
    return entryByCode(em).load({ referentialCode: entry.referentialCode, view: viewOf(entry), code: entry.parentCode });
  }

  @FieldResolver(() => [Entry])
  children(@Root() entry: EntryRow, @Ctx() { em }: GraphQLContext): Promise<EntryRow[]> {
    return entryChildren(em).load({ referentialCode: entry.referentialCode, view: viewOf(entry), code: entry.code });
  }

  @FieldResolver(() => [Entry], { description: 'Every entry above this one, from the top (NAC 20E: 2, then 20).' })
  async ancestors(@Root() entry: EntryRow, @Ctx() { em }: GraphQLContext): Promise<EntryRow[]> {
    const chain: EntryRow[] = [];
    const seen = new Set([entry.code]);
    for (
      let current = await this.parent(entry, { em } as GraphQLContext);
      current && !seen.has(current.code);
      current = await this.parent(current, { em } as GraphQLContext)
    ) {
      seen.add(current.code);
      chain.unshift(current);
    }
    return chain;
  }

  @FieldResolver(() => [LegalReference], { description: 'The texts that define and punish the offence (NATINF).' })
  legalReferences(
    @Root() entry: EntryRow,
    @Ctx() { em }: GraphQLContext,
    @Arg('role', () => LegalRole, { nullable: true }) role?: LegalRole,
  ): LegalReference[] | Promise<LegalReference[]> {
    const ofRole = (references: LegalReference[]) => (role ? references.filter((r) => r.role === role) : references);
    const preloaded = entry.preloaded?.legalReferences;
    return preloaded ? ofRole(preloaded) : legalReferences(em).load(String(entry.id)).then(ofRole);
  }

  @FieldResolver(() => [EntryMapping])
  mappings(@Root() entry: EntryRow, @Ctx() { em }: GraphQLContext): Promise<EntryMapping[]> {
    return entryMappings(em).load({ referentialCode: entry.referentialCode, view: viewOf(entry), code: entry.code });
  }
}
