import { scheduledHandler } from '@carelink/lambda-kit';
import { reportOverdueAssessments } from '../app/overdue';
import { carePlanning } from '../runtime';

export const handler = scheduledHandler(
  carePlanning.runtime,
  'assessment-overdue',
  async ({ scheduledTime }) => reportOverdueAssessments(carePlanning, scheduledTime),
);
