import { createTenantRoute } from '@carelink/contracts/api/directory/tenants';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { tenantResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createTenantRoute, async ({ body }) => {
  const { record, commit } = directory.directory.createTenant(body);
  return {
    status: 201,
    body: tenantResource(record),
    headers: { location: `/v1/directory/tenants/${record.tenantId}`, etag: etag(record.version) },
    commit,
    auditTenantId: record.tenantId,
  };
});
