import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { referentialsServices } from '../referentials.services';
import { legalReferences } from '../entry/entry-loaders';
import { LegalReference } from './legal-reference.entity';
import { LegalRole } from './legal-text-kind.enum';
import { LegalTextInput } from './legal-text.input';
import { OffenceCitation, OffenceCitationConnection } from './offence-citation.type';

@Resolver(() => OffenceCitation)
export class OffencesCitingResolver {
  @Query(() => OffenceCitationConnection, {
    description:
      'The offences (NATINF entries, by default) whose parsed legal references cite a text, and an article of it when given: legal watch, "which offences does article L.234-1 of the Code de la route define or punish".',
  })
  offencesCiting(
    @Arg('text', () => LegalTextInput) text: LegalTextInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('referential', () => ID, { defaultValue: 'NATINF' }) referential: string,
    @Arg('role', () => LegalRole, { nullable: true, description: 'Only the offences the text defines, or only those it punishes.' }) role?: LegalRole,
    @Arg('release', () => Int, { nullable: true }) release?: number,
    @Arg('at', () => LocalDateScalar, { nullable: true, description: 'Only offences in force that day.' }) at?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<OffenceCitationConnection> {
    return referentialsServices(ctx).offencesCiting.list(referential, text, ctx.principal, { role, release, at, first, after });
  }

  @FieldResolver(() => [LegalReference], { description: 'The references of the entry that cite the text.' })
  async references(@Root() citation: OffenceCitation, @Ctx() { em }: GraphQLContext): Promise<LegalReference[]> {
    // The entry's references, batched per request with every other citation of the page.
    const wanted = new Set(citation.referenceIds);
    return (await legalReferences(em).load(String(citation.entry.id))).filter((r) => wanted.has(String(r.id)));
  }
}
