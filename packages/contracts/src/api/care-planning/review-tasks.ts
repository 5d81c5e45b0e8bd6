import * as z from 'zod/mini';
import { CaseTaskType, ReviewTaskOutcome } from '../../events/case-task-changed.v1';
import { withMeta } from '../../meta';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { CaseIdParams, tag } from './shared';

export const ReviewTask = z.object({
  taskKey: z.string(),
  type: CaseTaskType,
  assigneeStaffId: z.string(),
  priority: z.enum(['routine', 'high', 'urgent']),
  flagKind: z.string(),
  severity: z.string(),
  observedAt: IsoInstant,
  dueBy: IsoInstant,
  status: z.enum(['open', 'done']),
  completed: z.optional(
    z.object({ by: z.string(), at: IsoInstant, outcome: ReviewTaskOutcome, note: z.optional(z.string()) }),
  ),
});

const ReviewTaskParams = z.object({
  caseId: Ulid,
  taskKey: z.string().check(z.minLength(1), z.maxLength(300)),
});

export const listReviewTasksRoute = defineRoute({
  operationId: 'listReviewTasks',
  method: 'GET',
  path: '/v1/cases/{caseId}/review-tasks',
  summary: 'List a case’s review tasks (care plan reviews, cancelled referrals, overdue assessments)',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  query: z.object({ status: z.optional(z.enum(['open', 'done'])) }),
  responses: {
    200: { description: 'The tasks, soonest due first', schema: z.object({ items: z.array(ReviewTask) }) },
    404: { description: 'No such case in the caller’s practice' },
  },
});

export const CompleteReviewTaskBody = withMeta(
  z.strictObject({ outcome: ReviewTaskOutcome, note: z.optional(z.string().check(z.maxLength(2000))) }),
  { example: { outcome: 'care-continues', note: 'Patient wants to stay in CCM' } },
);

export const completeReviewTaskRoute = defineRoute({
  operationId: 'completeReviewTask',
  method: 'POST',
  path: '/v1/cases/{caseId}/review-tasks/{taskKey}/complete',
  summary: 'Complete a review task with an outcome; it leaves the worklist',
  tag,
  scopes: [scopes.casesWrite],
  idempotent: true,
  params: ReviewTaskParams,
  body: CompleteReviewTaskBody,
  responses: {
    200: { description: 'Completed', schema: ReviewTask },
    404: { description: 'No such case or task in the caller’s practice' },
    409: { description: 'The task is already done' },
    422: { description: 'The request is not valid' },
  },
});
