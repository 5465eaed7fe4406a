import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';

@InputType({ description: 'A new application key; its secret is in the answer, once.' })
export class CreateApiKeyInput {
  @Field({ description: 'Who holds it, e.g. "CASSIOPEE production".' })
  name!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [String], { nullable: true, description: 'Referential codes it is STEWARD of (with the STEWARD role).' })
  stewardOf?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'In at most two years; 90 days from now by default.' })
  expiresAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The catalog application it belongs to (e.g. "CASSIOPEE"): its reads are counted under it in the observed usage.',
  })
  application?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Hold it to the allow-list of persisted operations.' })
  allowListOnly?: boolean | null;
}
