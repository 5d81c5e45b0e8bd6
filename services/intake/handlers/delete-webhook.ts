import { deleteWebhookRoute } from '@carelink/contracts/api/intake';
import { httpHandler } from '@carelink/lambda-kit';
import { mapIntakeError } from '../http-errors';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(
  runtime,
  deleteWebhookRoute,
  async ({ params, principal }) => {
    runtime.logger.info('webhook unsubscribed', { webhookId: params.webhookId });
    return {
      status: 204,
      commit: { writes: [webhooks.remove(principal.tenantId, params.webhookId)], events: [] },
    };
  },
  { mapError: mapIntakeError },
);
