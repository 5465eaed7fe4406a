import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthException, AuthExceptionCode } from '../../../kernel/auth/auth.exception';
import { hasRole, isStewardOf, SRJ_REFERENTIAL, type Principal } from '../../../kernel/auth/principal';
import { Role } from '../../../kernel/auth/role.enum';
import { assertOutboundUrl, loadOutboundPolicy, OutboundRefused, type OutboundPolicy } from '../../../kernel/net/outbound-policy';
import { ChangesException, ChangesExceptionCode as Code } from '../changes.exception';
import type { RegisterWebhookInput, RegisteredWebhook } from './register-webhook.input';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Domains of the change feed that are not referentials, and the referential whose stewards own them. */
const STEWARDED_DOMAINS: Record<string, string> = { organisation: SRJ_REFERENTIAL };

/**
 * ADMIN and ARCHITECT (who wires applications together) may listen to anything; a STEWARD only to their own
 * referentials, named (an endpoint for every domain is not a steward's).
 */
function assertMayListen(principal: Principal, domains: readonly string[]): void {
  if (hasRole(principal, Role.ARCHITECT)) return;
  const own = domains.length > 0 && domains.every((d) => isStewardOf(principal, STEWARDED_DOMAINS[d] ?? d));
  if (!own) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
}

const MAX_REPLAYED_IDS = 1000;

/** An id as the tables hold it (a positive integer of at most `digits` digits), else a BAD_USER_INPUT naming the field. */
function idOf(raw: string, field: string, digits: number): string {
  if (!new RegExp(`^[1-9]\\d{0,${digits - 1}}$`).test(raw)) throw new ChangesException(`${field} must be a positive integer`, Code.INVALID_ID, field);
  return raw;
}

/** Webhook subscriptions and their dead letters; the deliveries themselves are the dispatcher's. */
export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbound: OutboundPolicy = loadOutboundPolicy(),
  ) {}

  async register(input: RegisterWebhookInput, principal: Principal): Promise<RegisteredWebhook> {
    assertMayListen(principal, input.referentials ?? []);
    if (input.url.length > 2048) throw new ChangesException('the URL must have 2048 characters at most', Code.INVALID_URL, 'input.url');
    let url: URL;
    try {
      url = await assertOutboundUrl(input.url, this.outbound);
    } catch (error) {
      if (!(error instanceof OutboundRefused)) throw error;
      throw new ChangesException(`the webhook URL is refused: ${error.message}`, Code.INVALID_URL, 'input.url');
    }
    const secret = input.secret ?? randomBytes(32).toString('hex');
    if (secret.length < 16 || secret.length > 128) throw new ChangesException('the secret must have 16 to 128 characters', Code.INVALID_URL, 'input.secret');
    const subscription = this.em.create(WebhookSubscription, {
      url: url.toString(),
      secret,
      domains: input.referentials ?? [],
      types: input.types ?? [],
      createdBy: principal.id,
    });
    await this.em.flush();
    return { subscription, secret };
  }

  list(): Promise<WebhookSubscription[]> {
    return this.em.find(WebhookSubscription, {}, { orderBy: { id: 'asc' } });
  }

  async deactivate(rawId: string): Promise<WebhookSubscription> {
    const id = Number(idOf(rawId, 'id', 9)); // an integer column
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
  async replay(rawIds?: string[] | null): Promise<number> {
    if (rawIds && rawIds.length > MAX_REPLAYED_IDS) throw new ChangesException(`at most ${MAX_REPLAYED_IDS} ids at once`, Code.INVALID_ID, 'ids');
    const ids = rawIds?.map((id) => idOf(id, 'ids', 18)); // a bigint column
    return this.em.nativeUpdate(
      WebhookDelivery,
      { status: DeliveryStatus.DEAD, ...(ids?.length ? { id: { $in: ids } } : {}) },
      { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: null },
    );
  }
}
