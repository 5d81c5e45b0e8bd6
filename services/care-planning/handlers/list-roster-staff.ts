import { listRosterStaffRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { listStaff } from '../app/roster';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, listRosterStaffRoute, async ({ principal }) =>
  listStaff(carePlanning, principal),
);
