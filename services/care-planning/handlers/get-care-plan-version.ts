import { getCarePlanVersionRoute } from '@carelink/contracts/api/care-planning/care-plan';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { getCarePlanVersion } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  getCarePlanVersionRoute,
  async ({ principal, params }) => {
    const entry = await getCarePlanVersion(carePlanning, principal, params.caseId, params.version);
    return ok(entry, { etag: etag(entry.version) });
  },
);
