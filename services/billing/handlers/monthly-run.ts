import { scheduledHandler } from '@carelink/lambda-kit';
import { monthlyRuns, runtime } from '../runtime';

export const handler = scheduledHandler(runtime, 'monthly-run', async ({ scheduledTime }) => ({
  outcomes: await monthlyRuns(scheduledTime),
}));
