import { FieldResolver, Resolver, Root } from 'type-graphql';
import { applicationStub, ApplicationStub } from '../federation/application.stub';
import { ExchangeParty, type ExchangePartyNode } from './exchange-party.entity';

@Resolver(() => ExchangeParty)
export class ExchangePartyResolver {
  @FieldResolver(() => ApplicationStub, { nullable: true, description: 'The application (catalog), when the party is not an external partner.' })
  application(@Root() party: ExchangePartyNode): ApplicationStub | null {
    return party.applicationCode ? applicationStub(party.applicationCode) : null;
  }
}
