import { listWebhooksRoute } from '@carelink/contracts/api/intake';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { webhookResource } from '../app/views';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, listWebhooksRoute, async ({ principal }) =>
  ok({ items: (await intake.webhooks.list(principal.partnerId)).map(webhookResource) }),
);
