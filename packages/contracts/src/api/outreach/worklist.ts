import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Ulid, YearMonth } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { read, tag } from './shared';

export const WorklistResource = withMeta(
  z.object({
    staffId: z.string(),
    month: YearMonth,
    items: z.array(
      z.object({
        kind: z.enum(['task', 'escalation', 'risk-flag', 'review-task']),
        urgency: z.enum(['urgent', 'overdue', 'due']),
        id: z.string(),
        patientId: Ulid,
        caseId: z.string(),
        dueAt: IsoInstant,
        detail: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
    ccmMinutes: z.array(
      z.object({
        patientId: Ulid,
        caseId: Ulid,
        minutes: z.int(),
        nextThreshold: z.optional(z.int()),
        minutesToNextThreshold: z.int(),
      }),
    ),
  }),
  {
    id: 'OutreachWorklist',
    example: {
      staffId: 'staff-boston-care-manager',
      month: '2026-10',
      items: [
        {
          kind: 'risk-flag',
          urgency: 'urgent',
          id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
          dueAt: '2026-10-11T09:00:00Z',
          detail: { flagKind: 'vital-sign', severity: 'urgent', code: 'HYPERTENSIVE_CRISIS' },
        },
      ],
      ccmMinutes: [
        {
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
          minutes: 25,
          nextThreshold: 40,
          minutesToNextThreshold: 15,
        },
      ],
    },
  },
);

export const getOutreachWorklistRoute = defineRoute({
  operationId: 'getOutreachWorklist',
  method: 'GET',
  path: '/v1/worklist',
  summary: 'The calling staff member’s worklist',
  description:
    'Risk flags, escalations, due or overdue tasks and the case tasks care-planning gave the caller (care plan reviews, cancelled referrals to decide on, overdue assessments), sorted by urgency then due time, and the CCM clinical-staff minutes of each patient on the caseload this month (practice time zone) with the minutes missing to the next threshold (20/40/60).',
  tag,
  scopes: read,
  responses: { 200: { description: 'The worklist', schema: WorklistResource } },
});
