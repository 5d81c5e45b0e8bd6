import { getCarePlanRoute } from '@carelink/contracts/api/care-planning/care-plan';
import { etag, httpHandler, ok, text } from '@carelink/lambda-kit';
import { getCarePlan } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  getCarePlanRoute,
  async ({ principal, params, query }) => {
    const representation = await getCarePlan(carePlanning, principal, params.caseId, query.format);
    const headers = { etag: etag(representation.version) };
    if (representation.format === 'fhir')
      return ok(representation.fhir, { ...headers, 'content-type': 'application/fhir+json' });
    if (representation.format === 'patient-copy')
      return text(representation.html, 'text/html; charset=utf-8', headers);
    return ok(representation.plan, headers);
  },
);
