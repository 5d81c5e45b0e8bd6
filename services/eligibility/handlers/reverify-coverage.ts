import { scheduledHandler } from '@carelink/lambda-kit';
import { practices, reverifyCoverage, runtime } from '../runtime';

export const handler = scheduledHandler(runtime, 'coverage-reverification', async () =>
  reverifyCoverage(await practices.activeTenantIds()),
);
