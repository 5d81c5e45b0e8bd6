import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { VitalThresholds } from '../../outreach-vocabulary';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, tag, write } from './shared';

export const ObservationBody = withMeta(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('blood-pressure'),
      systolic: z.number().check(z.gte(50), z.lte(300)),
      diastolic: z.number().check(z.gte(20), z.lte(200)),
      unit: z.literal('mm[Hg]'),
      observedAt: IsoInstant,
    }),
    z.strictObject({
      type: z.literal('glucose'),
      value: z.number().check(z.gte(10), z.lte(1000)),
      unit: z.literal('mg/dL'),
      observedAt: IsoInstant,
    }),
    z.strictObject({
      type: z.literal('body-weight'),
      value: z.number().check(z.gt(0), z.lte(1000)),
      unit: z.enum(['[lb_av]', 'kg']),
      observedAt: IsoInstant,
    }),
    z.strictObject({
      type: z.literal('spo2'),
      value: z.number().check(z.gte(50), z.lte(100)),
      unit: z.literal('%'),
      observedAt: IsoInstant,
    }),
    z.strictObject({
      type: z.literal('heart-rate'),
      value: z.number().check(z.gte(20), z.lte(300)),
      unit: z.literal('/min'),
      observedAt: IsoInstant,
    }),
  ]),
  {
    id: 'OutreachObservationRequest',
    description: 'A vital sign in UCUM units',
    example: {
      type: 'blood-pressure',
      systolic: 142,
      diastolic: 88,
      unit: 'mm[Hg]',
      observedAt: '2026-10-11T09:00:00Z',
    },
  },
);

export const recordObservationRoute = defineRoute({
  operationId: 'recordObservation',
  method: 'POST',
  path: '/v1/patients/{patientId}/observations',
  summary: 'Record a vital sign and check it against the patient’s thresholds',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: ObservationBody,
  responses: {
    201: {
      description: 'Recorded, with the risk flags it raised',
      schema: withMeta(
        z.object({
          observationId: Ulid,
          riskFlags: z.array(
            z.object({
              flagId: Ulid,
              kind: z.string(),
              severity: z.enum(['urgent', 'high']),
              code: z.string(),
            }),
          ),
        }),
        {
          example: {
            observationId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8R',
            riskFlags: [],
          },
        },
      ),
    },
    ...problems,
  },
});

export const VitalsPolicyBody = withMeta(
  z.strictObject({
    heartFailure: z.boolean(),
    thresholds: z.optional(z.strictObject(z.partial(VitalThresholds).shape)),
  }),
  {
    id: 'OutreachVitalsPolicyRequest',
    example: { heartFailure: true, thresholds: { weightGainPerDayLb: 2, weightGainPerWeekLb: 5 } },
  },
);

export const putVitalsPolicyRoute = defineRoute({
  operationId: 'putVitalsPolicy',
  method: 'PUT',
  path: '/v1/patients/{patientId}/vitals-policy',
  summary: 'Set the vitals monitoring policy of a patient',
  description:
    'Heart-failure monitoring adds day and week weight-gain checks; thresholds override the defaults.',
  tag,
  scopes: write,
  params: PatientParams,
  body: VitalsPolicyBody,
  responses: { 200: { description: 'The policy in force', schema: VitalsPolicyBody }, ...problems },
});
