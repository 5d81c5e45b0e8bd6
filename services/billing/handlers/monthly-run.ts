import { scheduledHandler } from '@carelink/lambda-kit';
import { billing, runtime } from '../runtime';

export const handler = scheduledHandler(runtime, 'monthly-run', async ({ scheduledTime }) => ({
  outcomes: await billing.monthlyRuns(scheduledTime),
}));
