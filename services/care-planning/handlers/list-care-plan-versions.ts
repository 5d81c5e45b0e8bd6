import { listCarePlanVersionsRoute } from '@carelink/contracts/api/care-planning/care-plan';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { listCarePlanVersions } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  listCarePlanVersionsRoute,
  async ({ principal, params }) => {
    const { items, version } = await listCarePlanVersions(carePlanning, principal, params.caseId);
    return ok({ items }, { etag: etag(version) });
  },
);
