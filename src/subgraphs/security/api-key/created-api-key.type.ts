import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from '../../../kernel/auth/api-key.entity';

@ObjectType({ description: 'A key just created: `key` is the secret, shown this once and stored only as a hash.' })
export class CreatedApiKey {
  @Field({ description: 'Send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.' })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}
