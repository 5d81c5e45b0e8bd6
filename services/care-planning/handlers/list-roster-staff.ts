import { listRosterStaffRoute } from '@carelink/contracts/api/care-planning/roster';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listStaff } from '../app/roster';
import { carePlanning } from '../runtime';

export const handler = httpHandler(carePlanning.runtime, listRosterStaffRoute, async ({ principal }) =>
  ok(await listStaff(carePlanning, principal)),
);
