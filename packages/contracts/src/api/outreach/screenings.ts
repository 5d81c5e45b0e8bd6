import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, tag, write } from './shared';

const Item = z.int().check(z.gte(0), z.lte(3));

export const ScreeningBody = withMeta(
  z.discriminatedUnion('instrument', [
    z.strictObject({
      instrument: z.literal('phq-9'),
      answers: z.array(Item).check(z.length(9)),
      completedAt: z.optional(IsoInstant),
    }),
    z.strictObject({
      instrument: z.literal('gad-7'),
      answers: z.array(Item).check(z.length(7)),
      completedAt: z.optional(IsoInstant),
    }),
    z.strictObject({
      instrument: z.literal('hrsn'),
      answers: withMeta(z.record(z.string(), z.unknown()), {
        description: 'AHC HRSN core answers, as codes (validated field by field)',
      }),
      completedAt: z.optional(IsoInstant),
    }),
  ]),
  {
    id: 'OutreachScreeningRequest',
    example: { instrument: 'phq-9', answers: [1, 1, 0, 2, 1, 0, 1, 0, 0] },
  },
);

export const ScreeningResource = withMeta(
  z.object({
    screeningId: Ulid,
    caseId: Ulid,
    instrument: z.enum(['phq-9', 'gad-7', 'hrsn']),
    score: z.int(),
    band: z.string(),
    positiveDomains: z.optional(z.array(z.string())),
    riskFlags: z.array(z.object({ flagId: Ulid, kind: z.string(), severity: z.enum(['urgent', 'high']) })),
    completedAt: IsoInstant,
  }),
  {
    id: 'OutreachScreening',
    example: {
      screeningId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8K',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      instrument: 'phq-9',
      score: 6,
      band: 'mild',
      riskFlags: [],
      completedAt: '2026-10-10T15:20:00Z',
    },
  },
);

export const submitScreeningRoute = defineRoute({
  operationId: 'submitScreening',
  method: 'POST',
  path: '/v1/patients/{patientId}/screenings',
  summary: 'Submit PHQ-9, GAD-7 or HRSN answers to be scored',
  description: 'A positive PHQ-9 item 9 raises an urgent self-harm risk flag in the same transaction.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: ScreeningBody,
  responses: { 201: { description: 'Scored', schema: ScreeningResource }, ...problems },
});
