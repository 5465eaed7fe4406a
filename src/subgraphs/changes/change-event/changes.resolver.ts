import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { changesServices } from '../changes.services';
import { ChangePage } from './change-page.type';

@Resolver()
export class ChangesResolver {
  @Query(() => ChangePage, { description: 'Published changes after a cursor (null: from the beginning), oldest first.' })
  changes(
    @Ctx() ctx: GraphQLContext,
    @Arg('since', () => ID, { nullable: true }) since?: string | null,
    @Arg('referentials', () => [String], { nullable: true, description: 'Referential codes or organisation, catalog, exchanges; omitted: all.' })
    referentials?: string[] | null,
    @Arg('types', () => [ChangeType], { nullable: true }) types?: ChangeType[] | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<ChangePage> {
    return changesServices(ctx).changes.after({ since, domains: referentials, types, first });
  }
}
