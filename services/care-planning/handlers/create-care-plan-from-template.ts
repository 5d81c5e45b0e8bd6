import { createCarePlanFromTemplateRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { startDraftFromTemplates } from '../app/care-plan';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  createCarePlanFromTemplateRoute,
  async ({ principal, params, body }) =>
    startDraftFromTemplates(carePlanning, principal, params.caseId, body.conditions),
);
