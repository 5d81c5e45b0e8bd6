import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { YearMonth } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientId, PracticeId, tag } from './shared';

export const BillingWorklistResource = withMeta(
  z.object({
    practiceId: PracticeId,
    month: YearMonth,
    items: z.array(
      z.object({
        patientId: PatientId,
        tracks: z.array(
          z.object({
            track: z.enum(['ccm-staff', 'ccm-physician', 'pcm']),
            countedMinutes: z.int(),
            nextThreshold: z.int(),
            minutesMissing: z.int(),
          }),
        ),
      }),
    ),
  }),
  {
    id: 'BillingWorklist',
    example: {
      practiceId: 'practice-boston',
      month: '2026-10',
      items: [
        {
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          tracks: [{ track: 'ccm-staff', countedMinutes: 15, nextThreshold: 20, minutesMissing: 5 }],
        },
      ],
    },
  },
);

export const getWorklistRoute = defineRoute({
  operationId: 'getBillingWorklist',
  method: 'GET',
  path: '/v1/billing/worklist',
  summary: 'Patients within 10 minutes of their next billable threshold this month',
  tag,
  scopes: [scopes.billingRead],
  query: z.object({ month: z.optional(YearMonth) }),
  responses: { 200: { description: 'The worklist', schema: BillingWorklistResource } },
});
