import { deleteWebhookRoute } from '@carelink/contracts/api/intake';
import { httpHandler } from '@carelink/lambda-kit';
import { intake } from '../runtime';

export const handler = httpHandler(intake.runtime, deleteWebhookRoute, async ({ params, principal }) => ({
  status: 204,
  commit: intake.webhooks.remove(principal.partnerId, params.webhookId),
}));
