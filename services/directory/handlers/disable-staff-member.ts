import { disableStaffMemberRoute } from '@carelink/contracts/api/directory/staff-members';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { staffMemberResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  disableStaffMemberRoute,
  async ({ params, principal }) => {
    const { record, commit } = await directory.staff.disable(principal, params.staffId);
    return {
      status: 200,
      body: staffMemberResource(record),
      headers: { etag: etag(record.version) },
      commit,
      auditTenantId: record.tenantId,
    };
  },
);
