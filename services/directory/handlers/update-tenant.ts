import { updateTenantRoute } from '@carelink/contracts/api/directory/tenants';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { tenantResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  updateTenantRoute,
  async ({ params, body, ifMatch }) => {
    const { record, commit } = await directory.directory.updateTenant(params.tenantId, body, ifMatch);
    return { status: 200, body: tenantResource(record), headers: { etag: etag(record.version) }, commit };
  },
);
