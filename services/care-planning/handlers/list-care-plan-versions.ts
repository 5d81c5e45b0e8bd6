import { listCarePlanVersionsRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { listCarePlanVersions } from '../app/care-plan';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  listCarePlanVersionsRoute,
  async ({ principal, params }) => listCarePlanVersions(principal, params.caseId),
  { mapError },
);
