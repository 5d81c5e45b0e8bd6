import { scheduledHandler } from '@carelink/lambda-kit';
import { tenants } from '@carelink/tenancy';
import { intake } from '../runtime';

/** Retries due webhook deliveries of every tenant. */
export const handler = scheduledHandler(intake.runtime, 'webhook-retries', ({ scheduledTime }) =>
  intake.dispatch.retryDue(
    tenants.map(({ tenantId }) => tenantId),
    scheduledTime,
  ),
);
