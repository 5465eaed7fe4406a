import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { Release } from '../release/release.entity';
import { ReleaseService } from '../release/release.service';
import { CreateReferentialInput } from './create-referential.input';
import { Referential } from './referential.entity';
import { ReferentialService } from './referential.service';

@Resolver(() => Referential)
export class ReferentialResolver {
  @Query(() => Referential, { nullable: true })
  referential(@Arg('code', () => ID) code: string, @Ctx() { em }: GraphQLContext): Promise<Referential | null> {
    return new ReferentialService(em).find(code);
  }

  @Query(() => [Referential])
  referentials(@Ctx() { em }: GraphQLContext): Promise<Referential[]> {
    return new ReferentialService(em).list();
  }

  @Mutation(() => Referential, { description: 'Declares a new code list (stewards then fill a draft release).' })
  createReferential(@Arg('input', () => CreateReferentialInput) input: CreateReferentialInput, @Ctx() { em }: GraphQLContext): Promise<Referential> {
    return new ReferentialService(em).create(input);
  }

  @FieldResolver(() => [Release], { description: 'Every release, newest first (the draft included).' })
  releases(@Root() referential: Referential, @Ctx() { em }: GraphQLContext): Promise<Release[]> {
    return new ReleaseService(em).list(referential.code);
  }

  @FieldResolver(() => Release, { nullable: true, description: 'What reads see by default.' })
  latestRelease(@Root() referential: Referential, @Ctx() { em }: GraphQLContext): Promise<Release | null> {
    return new ReleaseService(em).latestPublished(referential.code);
  }

  @FieldResolver(() => Release, { nullable: true, description: 'The release being edited, if any.' })
  draft(@Root() referential: Referential, @Ctx() { em }: GraphQLContext): Promise<Release | null> {
    return new ReleaseService(em).draft(referential.code);
  }
}
