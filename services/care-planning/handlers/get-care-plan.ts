import { getCarePlanRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCarePlan } from '../app/care-plan';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getCarePlanRoute,
  async ({ principal, params, query }) => getCarePlan(principal, params.caseId, query.format),
  { mapError },
);
