import { getStaffMemberRoute } from '@carelink/contracts/api/directory/staff-members';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { staffMemberResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, getStaffMemberRoute, async ({ params, principal }) => {
  const record = await directory.staff.person(principal, params.staffId);
  return {
    ...ok(staffMemberResource(record), { etag: etag(record.version) }),
    auditTenantId: record.tenantId,
  };
});
