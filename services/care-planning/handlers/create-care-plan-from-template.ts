import { createCarePlanFromTemplateRoute } from '@carelink/contracts/api/care-planning';
import { httpHandler } from '@carelink/lambda-kit';
import { startDraftFromTemplates } from '../app/care-plan';
import { mapError } from '../app/map-error';
import { runtime } from '../runtime';

export const handler = httpHandler(
  runtime,
  createCarePlanFromTemplateRoute,
  async ({ principal, params, body }) => startDraftFromTemplates(principal, params.caseId, body.conditions),
  { mapError },
);
