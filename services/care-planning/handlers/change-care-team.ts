import { changeCareTeamRoute } from '@carelink/contracts/api/care-planning/cases';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { changeCareTeam } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  changeCareTeamRoute,
  async ({ principal, params, body }) => {
    const { detail, commit } = await changeCareTeam(carePlanning, principal, params.caseId, body);
    return { ...ok(detail), commit };
  },
);
