import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { LegalTextKind } from './legal-text-kind.enum';

@InputType({
  description: 'A legal text, and optionally one of its articles: a code by mnemonic or name, a loi, décret, ordonnance, regulation… by number and/or date.',
})
export class LegalTextInput {
  @Field(() => LegalTextKind)
  kind!: LegalTextKind;

  @Field(() => String, {
    nullable: true,
    description: 'For codes: a mnemonic ("C.ROUTE.", any alias: "C.P.P." or "C.PROC.PENALE.") or the name ("Code de la route").',
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'For other texts: the number ("48-1360", "2019/2035").' })
  number?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'For other texts: the date of the text (the only way to name a loi without number).' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'The article ("L.234-1", "L234-1", "131-30"); omitted: any article of the text.' })
  article?: string | null;
}
