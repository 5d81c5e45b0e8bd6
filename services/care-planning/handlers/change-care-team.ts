import { changeCareTeamRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { changeCareTeam } from '../app/cases';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  changeCareTeamRoute,
  async ({ principal, params, body }) => changeCareTeam(principal, params.caseId, body),
  { mapError },
);
