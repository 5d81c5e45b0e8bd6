import { createStaffMemberRoute } from '@carelink/contracts/api/directory/staff-members';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { staffMemberResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, createStaffMemberRoute, async ({ body, principal }) => {
  const { record, invitation, commit } = await directory.staff.create(principal, body);
  return {
    status: 201,
    body: { ...staffMemberResource(record), invitation },
    headers: { location: `/v1/directory/staff/${record.staffId}`, etag: etag(record.version) },
    commit,
    auditTenantId: record.tenantId,
  };
});
