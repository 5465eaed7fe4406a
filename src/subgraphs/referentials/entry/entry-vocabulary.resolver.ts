import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { Entry } from './entry.entity';
import { termOf } from './entry-vocabulary';

/** What an entry's vocabulary term says of it: NATINF's nature category and class. */
@Resolver(() => Entry)
export class EntryVocabularyResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Category of its nature (NATINF: CRIME, DELIT, CONTRAVENTION, DELIT_DOUANIER, CONTRAVENTION_DOUANIERE, INFRACTION_CIVILE…), from the NATINF_NATURE vocabulary.',
  })
  async category(@Root() entry: Entry, @Ctx() { em }: GraphQLContext): Promise<string | null> {
    return (await termOf(em, entry))?.category ?? null;
  }

  @FieldResolver(() => Int, { name: 'class', nullable: true, description: 'Class (1–5) of a contravention or customs offence; null otherwise.' })
  async natureClass(@Root() entry: Entry, @Ctx() { em }: GraphQLContext): Promise<number | null> {
    return (await termOf(em, entry))?.class ?? null;
  }
}
