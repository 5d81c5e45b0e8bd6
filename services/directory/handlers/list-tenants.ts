import { listTenantsRoute } from '@carelink/contracts/api/directory/tenants';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listPage } from '../app/paging';
import { tenantResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listTenantsRoute, async ({ query, principal }) =>
  ok(
    await listPage(
      principal,
      query,
      (startKey, limit) => directory.directory.listTenants(startKey, limit),
      tenantResource,
    ),
  ),
);
