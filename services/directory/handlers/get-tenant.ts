import { getTenantRoute } from '@carelink/contracts/api/directory/tenants';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { tenantResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, getTenantRoute, async ({ params }) => {
  const record = await directory.directory.tenant(params.tenantId);
  return ok(tenantResource(record), { etag: etag(record.version) });
});
