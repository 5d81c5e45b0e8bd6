import { createCarePlanFromTemplateRoute } from '@carelink/contracts/api/care-planning/care-plan';
import { etag, httpHandler } from '@carelink/lambda-kit';
import { startDraftFromTemplates } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  createCarePlanFromTemplateRoute,
  async ({ principal, params, body }) => {
    const { draft, location, commit } = await startDraftFromTemplates(
      carePlanning,
      principal,
      params.caseId,
      body.conditions,
    );
    return { status: 201, body: draft, headers: { location, etag: etag(0) }, commit };
  },
);
