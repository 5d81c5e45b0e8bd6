import { listWebhooksRoute } from '@carelink/contracts/api/intake/webhooks';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { webhookResource } from '../app/views';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(runtime, listWebhooksRoute, async ({ principal }) =>
  ok({ items: (await webhooks.list(principal.partnerId)).map(webhookResource) }),
);
