import { listWebhookDeliveriesRoute } from '@carelink/contracts/api/intake/webhooks';
import { callerKey, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { deliveryResource } from '../app/views';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(
  runtime,
  listWebhookDeliveriesRoute,
  async ({ params, query, principal }) => {
    const page = await webhooks.deliveries(principal.partnerId, params.webhookId, {
      startKey: decodeCursor(callerKey(principal), query.cursor),
      limit: query.limit,
    });
    const nextCursor = encodeCursor(callerKey(principal), page.lastKey);
    return ok({ items: page.items.map(deliveryResource), ...(nextCursor ? { nextCursor } : {}) });
  },
);
