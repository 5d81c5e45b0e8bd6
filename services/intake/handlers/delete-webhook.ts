import { deleteWebhookRoute } from '@carelink/contracts/api/intake/webhooks';
import { httpHandler } from '@carelink/lambda-kit';
import { runtime, webhooks } from '../runtime';

export const handler = httpHandler(runtime, deleteWebhookRoute, async ({ params, principal }) => ({
  status: 204,
  commit: webhooks.remove(principal.partnerId, params.webhookId),
}));
