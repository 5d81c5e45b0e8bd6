import { closeCaseRoute } from '@carelink/contracts/api/care-planning/cases';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { closeCaseFor } from '../app/cases';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  closeCaseRoute,
  async ({ principal, params, body }) => {
    const { detail, commit } = await closeCaseFor(carePlanning, principal, params.caseId, body.reason);
    return { ...ok(detail), commit };
  },
);
