import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { TaskCancelReason, TaskOutcome } from '../../outreach-vocabulary';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, read, tag, write } from './shared';

export const OutreachTaskResource = withMeta(
  z.object({
    taskId: z.string(),
    caseId: Ulid,
    kind: z.string(),
    source: z.string(),
    period: z.string(),
    recurrence: z.enum(['once', 'monthly']),
    openFrom: IsoInstant,
    dueAt: IsoInstant,
    assigneeId: z.string(),
    status: z.enum(['open', 'done', 'cancelled']),
    closed: withMeta(
      z.optional(
        z.object({
          by: z.string(),
          at: IsoInstant,
          outcome: z.optional(TaskOutcome),
          reason: z.optional(TaskCancelReason),
          note: z.optional(z.string()),
          late: withMeta(z.optional(z.boolean()), { description: 'Done after it was due' }),
        }),
      ),
      { description: 'Who finished the task and how; absent for tasks a schedule change closed' },
    ),
  }),
  {
    id: 'OutreachTask',
    example: {
      taskId: 'task#01JD3Y7T5V0M3Q8W9X2Z4A6B8F#monthly-contact#2026-10',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      kind: 'monthly-contact',
      source: 'monthly-contact',
      period: '2026-10',
      recurrence: 'monthly',
      openFrom: '2026-10-01T04:00:00Z',
      dueAt: '2026-11-01T04:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'open',
    },
  },
);

export const listPatientTasksRoute = defineRoute({
  operationId: 'listPatientTasks',
  method: 'GET',
  path: '/v1/patients/{patientId}/tasks',
  summary: 'List the outreach tasks of a patient',
  description: 'Tasks are built from the patient’s cases and care plans; closed cases leave cancelled tasks.',
  tag,
  scopes: read,
  params: PatientParams,
  query: z.object({ status: z.optional(z.enum(['open', 'done', 'cancelled'])) }),
  responses: {
    200: { description: 'The tasks', schema: z.object({ items: z.array(OutreachTaskResource) }) },
    ...problems,
  },
});

const TaskParams = z.object({ patientId: Ulid, taskId: z.string().check(z.minLength(1), z.maxLength(300)) });

export const CompleteTaskBody = withMeta(
  z.strictObject({ outcome: TaskOutcome, note: z.optional(z.string().check(z.maxLength(2000))) }),
  { id: 'OutreachCompleteTaskRequest', example: { outcome: 'refill-requested' } },
);

export const CancelTaskBody = withMeta(z.strictObject({ reason: TaskCancelReason }), {
  id: 'OutreachCancelTaskRequest',
  example: { reason: 'handled-elsewhere' },
});

export const completeTaskRoute = defineRoute({
  operationId: 'completeOutreachTask',
  method: 'POST',
  path: '/v1/patients/{patientId}/tasks/{taskId}/complete',
  summary: 'Complete an open outreach task (intervention tasks included)',
  tag,
  scopes: write,
  idempotent: true,
  params: TaskParams,
  body: CompleteTaskBody,
  responses: {
    200: { description: 'Completed', schema: OutreachTaskResource },
    409: { description: 'The task is already done or cancelled' },
    ...problems,
  },
});

export const cancelTaskRoute = defineRoute({
  operationId: 'cancelOutreachTask',
  method: 'POST',
  path: '/v1/patients/{patientId}/tasks/{taskId}/cancel',
  summary: 'Cancel an open outreach task',
  tag,
  scopes: write,
  idempotent: true,
  params: TaskParams,
  body: CancelTaskBody,
  responses: {
    200: { description: 'Cancelled', schema: OutreachTaskResource },
    409: { description: 'The task is already done or cancelled' },
    ...problems,
  },
});
