import { putCarePlanRoute } from '@carelink/contracts/api/care-planning/care-plan';
import { etag, httpHandler, ok } from '@carelink/lambda-kit';
import { putCarePlan } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  putCarePlanRoute,
  async ({ principal, params, body, ifMatch }) => {
    const { plan, version, commit } = await putCarePlan(
      carePlanning,
      principal,
      params.caseId,
      body,
      ifMatch,
    );
    return { ...ok(plan, { etag: etag(version) }), ...(commit ? { commit } : {}) };
  },
);
