import { scheduledHandler } from '@carelink/lambda-kit';
import { tenants } from '@carelink/tenancy';
import { service } from '../runtime';

export const handler = scheduledHandler(service.runtime, 'coverage-reverification', () =>
  service.reverifyCoverage(tenants.map(({ tenantId }) => tenantId)),
);
