import { putRosterStaffRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { mapError } from '../app/map-error';
import { putStaff } from '../app/roster';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  putRosterStaffRoute,
  async ({ principal, params, body }) => putStaff(principal, params.staffId, body),
  { mapError },
);
