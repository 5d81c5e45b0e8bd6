import { listStaffMembersRoute } from '@carelink/contracts/api/directory/staff-members';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listPage } from '../app/paging';
import { staffMemberResource } from '../app/views';
import { directory } from '../runtime';

export const handler = httpHandler(directory.runtime, listStaffMembersRoute, async ({ query, principal }) =>
  ok(
    await listPage(
      principal,
      query,
      (startKey, limit) => directory.staff.list(principal, startKey, limit),
      staffMemberResource,
    ),
  ),
);
