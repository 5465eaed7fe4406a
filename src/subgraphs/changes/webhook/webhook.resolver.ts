import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ChangeEvent } from '../change-event/change-event.entity';
import { RegisterWebhookInput, RegisteredWebhook } from './register-webhook.input';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import { numericId } from '../../../kernel/graphql/ids';
import { changesServices } from '../changes.services';

@Resolver(() => WebhookDelivery)
export class WebhookResolver {
  @Authorized(Role.ARCHITECT, Role.STEWARD)
  @Mutation(() => RegisteredWebhook, {
    description:
      'Registers an endpoint for change events; deliveries are signed with the returned secret (ADMIN, ARCHITECT, or a STEWARD for their referentials). Private, loopback and link-local addresses are refused.',
  })
  registerWebhook(@Arg('input', () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() ctx: GraphQLContext): Promise<RegisteredWebhook> {
    return changesServices(ctx).webhooks.register(input, ctx.principal);
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookSubscription], { description: 'Every webhook subscription (ADMIN).' })
  webhooks(@Ctx() ctx: GraphQLContext): Promise<WebhookSubscription[]> {
    return changesServices(ctx).webhooks.list();
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookSubscription, { description: 'Stops deliveries to an endpoint (ADMIN).' })
  deactivateWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<WebhookSubscription> {
    return changesServices(ctx).webhooks.deactivate(id);
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookDelivery], { description: 'Deliveries that failed every try (ADMIN).' })
  deadWebhookDeliveries(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { defaultValue: 100 }) first = 100): Promise<WebhookDelivery[]> {
    return changesServices(ctx).webhooks.deadLetters(first);
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: 'Sends dead deliveries again (the ones named, or all); returns how many (ADMIN).' })
  replayWebhookDeliveries(@Ctx() ctx: GraphQLContext, @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null): Promise<number> {
    return changesServices(ctx).webhooks.replay(ids?.map((id) => String(numericId(id, 'ids'))));
  }

  @FieldResolver(() => WebhookSubscription)
  subscription(@Root() delivery: WebhookDelivery): Promise<WebhookSubscription> {
    return delivery.subscription.load() as Promise<WebhookSubscription>;
  }

  @FieldResolver(() => ChangeEvent)
  event(@Root() delivery: WebhookDelivery): Promise<ChangeEvent> {
    return delivery.event.load() as Promise<ChangeEvent>;
  }
}
