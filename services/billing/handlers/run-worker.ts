import { BillingRunRequestedV1 } from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { billingRuns, runtime } from '../runtime';

/**
 * Executes each requested billing run attempt, handing it over to the next delivery when its time
 * runs short; a request for an attempt already taken or done is a no-op.
 */
export const handler = eventConsumer(runtime, {
  name: 'billing-run-worker',
  contracts: [BillingRunRequestedV1],
  handle: async (event, invocation) => {
    const { metadata, data } = event.detail;
    await billingRuns.execute({
      tenantId: metadata.tenantId,
      runId: data.runId,
      attempt: data.attempt,
      correlationId: metadata.correlationId,
      remainingMs: invocation.remainingMs,
    });
  },
});
