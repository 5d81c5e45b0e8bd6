import { listWebhooksRoute } from '@carelink/contracts/api/intake';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { mapIntakeError } from '../http-errors';
import { webhookResource } from '../presenters';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(
  runtime,
  listWebhooksRoute,
  async ({ principal }) => ok({ items: (await webhooks.list(principal.tenantId)).map(webhookResource) }),
  { mapError: mapIntakeError },
);
