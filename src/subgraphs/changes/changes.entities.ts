import { ChangeCursor } from './change-event/change-cursor.entity';
import { ChangeEvent } from './change-event/change-event.entity';
import { WebhookDelivery } from './webhook/webhook-delivery.entity';
import { WebhookSubscription } from './webhook/webhook-subscription.entity';

export const changesEntities = [ChangeEvent, ChangeCursor, WebhookSubscription, WebhookDelivery];
