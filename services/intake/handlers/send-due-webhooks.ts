import { scheduledHandler } from '@carelink/lambda-kit';
import { intake } from '../runtime';

/** Retries due webhook deliveries of every partner. */
export const handler = scheduledHandler(intake.runtime, 'webhook-retries', async ({ scheduledTime }) =>
  intake.dispatch.retryDue(await intake.network.partnerIds(), scheduledTime),
);
