import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { catalogServices } from '../catalog.services';
import { CourtContact } from './court-contact.entity';
import { AddCourtContactInput } from './court-contact.input';

@Resolver(() => CourtContact)
export class CourtContactResolver {
  @Authorized(Role.ARCHITECT)
  @Mutation(() => CourtContact, { description: 'Records a local IT manager or correspondent at a court.' })
  addCourtContact(@Arg('input', () => AddCourtContactInput) input: AddCourtContactInput, @Ctx() ctx: GraphQLContext): Promise<CourtContact> {
    return catalogServices(ctx).courtContacts.add(input);
  }
}
