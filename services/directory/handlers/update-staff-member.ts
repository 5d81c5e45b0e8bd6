import { updateStaffMemberRoute } from '@carelink/contracts/api/directory/staff-members';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { staffMemberResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(
  directory.runtime,
  updateStaffMemberRoute,
  async ({ params, body, ifMatch, principal }) => {
    const { record, commit } = await directory.staff.update(principal, params.staffId, body, ifMatch);
    return {
      status: 200,
      body: staffMemberResource(record),
      headers: { etag: etag(record.version) },
      commit,
      auditTenantId: record.tenantId,
    };
  },
);
