import { listWebhookDeliveriesRoute } from '@carelink/contracts/api/intake';
import { decodeCursor, encodeCursor, httpHandler, ok, ValidationError } from '@carelink/lambda-kit';
import { WebhookNotFoundError } from '../domain/errors';
import { mapIntakeError } from '../http-errors';
import { deliveryResource } from '../presenters';
import { runtime, webhooks } from '../runtime';
import { isStartKeyOf, keys } from '../store/keys';

export const handler = httpHandler(
  runtime,
  listWebhookDeliveriesRoute,
  async ({ params, query, principal }) => {
    const subscription = await webhooks.get(principal.tenantId, params.webhookId);
    if (!subscription) throw new WebhookNotFoundError('No such webhook');
    const startKey = decodeCursor(principal.tenantId, query.cursor);
    const partition = { attribute: 'pk', value: keys.deliveries(principal.tenantId, params.webhookId) };
    if (startKey === null || (startKey && !isStartKeyOf(startKey, partition, ['pk', 'sk'])))
      throw new ValidationError('The cursor is not valid', [
        { path: 'query.cursor', code: 'invalid_cursor' },
      ]);
    const page = await webhooks.listDeliveries(principal.tenantId, params.webhookId, {
      limit: query.limit,
      startKey,
    });
    const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
    return ok({ items: page.items.map(deliveryResource), ...(nextCursor ? { nextCursor } : {}) });
  },
  { mapError: mapIntakeError },
);
