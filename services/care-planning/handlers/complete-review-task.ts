import { completeReviewTaskRoute } from '@carelink/contracts/api/care-planning/review-tasks';
import { httpHandler, ok } from '@carelink/lambda-kit';
import { completeTask } from '../app/review-tasks';
import { reviewTaskView } from '../app/views';
import { carePlanning } from '../runtime';

export const handler = httpHandler(
  carePlanning.runtime,
  completeReviewTaskRoute,
  async ({ principal, params, body }) => {
    const { task, patientId, commit } = await completeTask(carePlanning, principal, params, body);
    return { ...ok(reviewTaskView(task)), auditPatientId: patientId, commit };
  },
);
