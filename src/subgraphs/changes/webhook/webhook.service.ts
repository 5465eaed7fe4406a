import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangesException, ChangesExceptionCode as Code } from '../changes.exception';
import type { RegisterWebhookInput, RegisteredWebhook } from './register-webhook.input';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Webhook subscriptions and their dead letters; the deliveries themselves are the dispatcher's. */
export class WebhookService {
  constructor(private readonly em: EntityManager) {}

  async register(input: RegisterWebhookInput, actor: string): Promise<RegisteredWebhook> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new ChangesException(`"${input.url}" is not a URL`, Code.INVALID_URL, 'input.url');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ChangesException('the URL must be http or https', Code.INVALID_URL, 'input.url');
    const secret = input.secret ?? randomBytes(32).toString('hex');
    if (secret.length < 16 || secret.length > 128) throw new ChangesException('the secret must have 16 to 128 characters', Code.INVALID_URL, 'input.secret');
    const subscription = this.em.create(WebhookSubscription, { url: url.toString(), secret, domains: input.referentials ?? [], types: input.types ?? [], createdBy: actor });
    await this.em.flush();
    return { subscription, secret };
  }

  list(): Promise<WebhookSubscription[]> {
    return this.em.find(WebhookSubscription, {}, { orderBy: { id: 'asc' } });
  }

  async deactivate(id: number): Promise<WebhookSubscription> {
    const subscription = await this.em.findOne(WebhookSubscription, id);
    if (!subscription) throw new ChangesException(`no webhook has id ${id}`, Code.WEBHOOK_NOT_FOUND, 'id');
    subscription.active = false;
    await this.em.flush();
    return subscription;
  }

  deadLetters(first: number): Promise<WebhookDelivery[]> {
    return this.em.find(WebhookDelivery, { status: DeliveryStatus.DEAD }, { orderBy: { id: 'asc' }, limit: Math.min(Math.max(first, 1), 1000) });
  }

  /** Dead deliveries (the ones named, or all) go back to PENDING with a fresh set of tries, due now. */
  async replay(ids?: string[] | null): Promise<number> {
    return this.em.nativeUpdate(
      WebhookDelivery,
      { status: DeliveryStatus.DEAD, ...(ids?.length ? { id: { $in: ids } } : {}) },
      { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: null },
    );
  }
}
