import * as z from 'zod/mini';
import { withMeta } from '../meta';
import { Cursor, IsoInstant, Program, Ulid } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'timeline';

const PatientId = withMeta(Ulid, { description: 'Patient id', example: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D' });

const timelineExample = {
  patient: {
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    name: { given: ['Maria'], family: 'Lopez' },
    birthDate: '1951-04-12',
    sex: 'female',
  },
  cases: [
    {
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      program: 'ccm',
      status: 'open',
      openedAt: '2026-10-01T14:00:05.000Z',
    },
  ],
  items: [
    {
      at: '2026-10-01T14:00:00.000Z',
      kind: 'referral',
      title: 'Referral received',
      facts: [
        { label: 'Programs requested', value: 'ccm' },
        { label: 'Diagnoses', value: 'E11.9, I50.22, N18.30' },
      ],
    },
    {
      at: '2026-10-01T14:00:02.000Z',
      kind: 'eligibility',
      title: 'Eligibility determined',
      facts: [{ label: 'CCM', value: 'eligible (CHRONIC_CONDITIONS_MET)' }],
    },
  ],
};

/** A patient and their story from referral to care, oldest first: codes, counts and statuses. */
export const PatientTimelineResource = withMeta(
  z.object({
    patient: z.object({
      patientId: Ulid,
      name: z.optional(z.object({ given: z.array(z.string()), family: z.string() })),
      birthDate: z.optional(z.string()),
      sex: z.optional(z.string()),
    }),
    cases: withMeta(
      z.array(
        z.object({
          caseId: Ulid,
          program: Program,
          status: z.enum(['open', 'closed']),
          openedAt: z.optional(IsoInstant),
        }),
      ),
      {
        description: "The patient's cases in this practice, newest first: the care plan hangs off a case",
      },
    ),
    items: z.array(
      z.object({
        at: IsoInstant,
        kind: z.enum([
          'referral',
          'eligibility',
          'consent',
          'case',
          'care-plan',
          'contact',
          'time',
          'screening',
          'risk-flag',
          'assessment',
          'vital',
          'claim',
        ]),
        title: z.string(),
        facts: z.array(z.object({ label: z.string(), value: z.string() })),
      }),
    ),
    nextCursor: z.optional(z.string()),
  }),
  { id: 'PatientTimeline', example: timelineExample },
);

export const getPatientTimelineRoute = defineRoute({
  operationId: 'getPatientTimeline',
  method: 'GET',
  path: '/v1/patients/{patientId}/timeline',
  summary: "A patient's timeline: who they are and each step from referral to care, oldest first",
  description:
    'Kept by the timeline service from the events of the catalog (referral, eligibility, consent, case, assessment, ' +
    "care plan versions and what they changed, contacts, time, screenings, vitals against thresholds, risk flags, finalised claims). Staff of the patient's practice only; anyone else gets 404.",
  tag,
  scopes: [scopes.casesRead],
  params: z.strictObject({ patientId: PatientId }),
  query: z.strictObject({
    cursor: z.optional(Cursor),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 100),
  }),
  responses: {
    200: { description: 'The patient and a page of their timeline', schema: PatientTimelineResource },
    404: { description: 'No such patient in the caller’s practice' },
    422: { description: 'An invalid cursor or limit' },
  },
});

/** Routes served by the timeline service. */
export const timelineRoutes: readonly RouteContract[] = [getPatientTimelineRoute];
