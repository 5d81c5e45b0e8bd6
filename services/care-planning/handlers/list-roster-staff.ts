import { listRosterStaffRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { mapError } from '../app/map-error';
import { listStaff } from '../app/roster';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  listRosterStaffRoute,
  async ({ principal }) => listStaff(principal),
  { mapError },
);
