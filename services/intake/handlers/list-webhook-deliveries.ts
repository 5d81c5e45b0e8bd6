import { listWebhookDeliveriesRoute } from '@carelink/contracts/api/intake';
import { callerNamespace, decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { deliveryResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(
  intake.runtime,
  listWebhookDeliveriesRoute,
  async ({ params, query, principal }) => {
    const page = await intake.webhooks.deliveries(principal.partnerId, params.webhookId, {
      startKey: decodeCursor(callerNamespace(principal), query.cursor),
      limit: query.limit,
    });
    const nextCursor = encodeCursor(callerNamespace(principal), page.lastKey);
    return ok({ items: page.items.map(deliveryResource), ...(nextCursor ? { nextCursor } : {}) });
  },
);
