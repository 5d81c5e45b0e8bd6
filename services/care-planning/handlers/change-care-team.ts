import { changeCareTeamRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { changeCareTeam } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  changeCareTeamRoute,
  async ({ principal, params, body }) => changeCareTeam(carePlanning, principal, params.caseId, body),
);
