import { getCarePlanVersionRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { getCarePlanVersion } from '../app/care-plan';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  getCarePlanVersionRoute,
  async ({ principal, params }) => getCarePlanVersion(principal, params.caseId, params.version),
  { mapError },
);
