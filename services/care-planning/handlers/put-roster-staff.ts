import { putRosterStaffRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { putStaff } from '../app/roster';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  putRosterStaffRoute,
  async ({ principal, params, body }) => putStaff(carePlanning, principal, params.staffId, body),
);
