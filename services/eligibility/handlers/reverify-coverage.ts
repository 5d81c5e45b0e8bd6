import { scheduledHandler } from '@carelink/lambda-kit';
import { service } from '../runtime';

export const handler = scheduledHandler(service.runtime, 'coverage-reverification', async () =>
  service.reverifyCoverage(await service.practices.activeTenantIds()),
);
