import * as z from 'zod/mini';
import { StaffId } from '../directory/staff-vocabulary';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

/** The kinds of work care-planning asks a case's primary to do. */
export const CaseTaskType = z.enum(['care-plan-review', 'referral-cancelled', 'assessment-overdue']);
export type CaseTaskType = z.infer<typeof CaseTaskType>;

/** How a case task was finished. */
export const ReviewTaskOutcome = z.enum([
  'plan-reviewed-unchanged',
  'plan-revised',
  'care-continues',
  'case-closed',
  'assessment-done',
]);
export type ReviewTaskOutcome = z.infer<typeof ReviewTaskOutcome>;

export const CaseTaskChangedData = z.object({
  taskKey: z.string().check(z.minLength(1), z.maxLength(300)),
  type: CaseTaskType,
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  assigneeStaffId: z.union([StaffId, z.literal('unassigned')]),
  priority: z.enum(['routine', 'high', 'urgent']),
  dueBy: IsoInstant,
  status: z.enum(['open', 'done']),
  changedAt: IsoInstant,
});
export type CaseTaskChangedData = z.output<typeof CaseTaskChangedData>;

export const CaseTaskChangedV1 = defineEvent({
  source: 'carelink.care-planning',
  detailType: 'CaseTaskChanged',
  version: 1,
  description:
    'A task of a case (a care plan review, a cancelled referral to decide on, an overdue assessment) was opened or done; worklists keep the open ones.',
  data: CaseTaskChangedData,
  example: {
    taskKey: 'referral-cancelled#01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    type: 'referral-cancelled',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    assigneeStaffId: 'staff-boston-care-manager',
    priority: 'urgent',
    dueBy: '2026-10-12T09:00:00Z',
    status: 'open',
    changedAt: '2026-10-11T09:00:00Z',
  },
});
