import { Field, InputType, ObjectType } from 'type-graphql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { WebhookSubscription } from './webhook-subscription.entity';

@InputType()
export class RegisterWebhookInput {
  @Field({ description: 'The URL receiving a POST per event: https (http outside production), a public address (see the README).' })
  url!: string;

  @Field(() => [String], { nullable: true, description: 'Referential codes or organisation, catalog, exchanges; omitted: all.' })
  referentials?: string[] | null;

  @Field(() => [ChangeType], { nullable: true, description: 'Omitted: every kind.' })
  types?: ChangeType[] | null;

  @Field(() => String, { nullable: true, description: 'HMAC key (16 to 128 characters); omitted: one is generated.' })
  secret?: string | null;
}

@ObjectType({ description: 'The subscription and its secret: the only time the secret is shown.' })
export class RegisteredWebhook {
  @Field(() => WebhookSubscription)
  subscription!: WebhookSubscription;

  @Field()
  secret!: string;
}
