import { scheduledHandler } from '@carelink/lambda-kit';
import { dispatch, network, runtime } from '../runtime';

/** Retries due webhook deliveries of every partner. */
export const handler = scheduledHandler(runtime, 'webhook-retries', async ({ scheduledTime }) =>
  dispatch.retryDue(await network.partnerIds(), scheduledTime),
);
