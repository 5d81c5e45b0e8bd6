import { listWebhookDeliveriesRoute } from '@carelink/contracts/api/intake';
import { decodeCursor, encodeCursor, httpHandler, ok } from '@carelink/lambda-kit';
import { deliveryResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(
  intake.runtime,
  listWebhookDeliveriesRoute,
  async ({ params, query, principal }) => {
    const page = await intake.webhooks.deliveries(principal.tenantId, params.webhookId, {
      startKey: decodeCursor(principal.tenantId, query.cursor),
      limit: query.limit,
    });
    const nextCursor = encodeCursor(principal.tenantId, page.lastKey);
    return ok({ items: page.items.map(deliveryResource), ...(nextCursor ? { nextCursor } : {}) });
  },
);
