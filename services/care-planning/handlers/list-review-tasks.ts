import { listReviewTasksRoute } from '@carelink/contracts/api/care-planning/review-tasks';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { listReviewTasks } from '../app/review-tasks';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  listReviewTasksRoute,
  async ({ principal, params, query }) => {
    const { items, patientId } = await listReviewTasks(carePlanning, principal, params.caseId, query.status);
    return { ...ok({ items }), auditPatientId: patientId };
  },
);
