import { putRosterStaffRoute } from '@carelink/contracts/api/care-planning/roster';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { putStaff } from '../app/roster';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  putRosterStaffRoute,
  async ({ principal, params, body }) => {
    const { staff, commit } = await putStaff(carePlanning, principal, params.staffId, body);
    return { ...ok(staff), commit };
  },
);
