import { rotateWebhookSecretRoute } from '@carelink/contracts/api/intake';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { intake } from '../runtime';

export const handler = httpHandler(
  intake.runtime,
  rotateWebhookSecretRoute,
  async ({ params, body, principal }) => {
    const { rotated, commit } = await intake.webhooks.rotateSecret(
      principal.partnerId,
      params.webhookId,
      body.overlapHours,
    );
    return { ...ok(rotated), commit };
  },
);
