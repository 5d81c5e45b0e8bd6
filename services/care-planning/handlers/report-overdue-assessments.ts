import { scheduledHandler } from '@carelink/lambda-kit';
import { reportOverdueAssessments } from '../app/overdue';
import { runtime } from '../runtime';

export const handler = scheduledHandler(runtime, 'assessment-overdue', async ({ scheduledTime }) =>
  reportOverdueAssessments(scheduledTime),
);
