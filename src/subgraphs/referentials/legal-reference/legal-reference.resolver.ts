import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CODE_NAMES } from './code-mnemonics';
import { LegalReference } from './legal-reference.entity';

@Resolver(() => LegalReference)
export class LegalReferenceResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Name of the code, when known ("Code de la route").' })
  codeName(@Root() reference: Pick<LegalReference, 'codeMnemonic'>): string | null {
    return reference.codeMnemonic ? (CODE_NAMES[reference.codeMnemonic] ?? null) : null;
  }
}
