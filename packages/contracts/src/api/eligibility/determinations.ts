import * as z from 'zod/mini';
import { TcmDeadlines } from '../../events/eligibility-determined.v1';
import { DeterminationStatus, PlanType } from '../../events/shared';
import { withMeta } from '../../meta';
import { IsoDate, IsoInstant, Program, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientParams, problemResponses, tag } from './shared';

const Reason = z.object({ code: z.string(), text: z.string() });

export const ProgramEligibility = z.object({
  program: Program,
  status: DeterminationStatus,
  reasons: z.array(Reason),
  /** Codes of the reasons that stand between the patient and enrolment (empty when eligible). */
  blockingReasons: z.array(z.string()),
  consentRequired: z.optional(z.boolean()),
  initiatingVisitRequired: z.optional(z.boolean()),
  authorizationRequired: z.optional(z.boolean()),
  tcm: z.optional(TcmDeadlines),
});

export const ReferralEligibility = z.object({
  referralId: Ulid,
  practiceId: z.string(),
  determinationVersion: z.int().check(z.gte(1)),
  determinedAt: IsoInstant,
  determinedOn: IsoDate,
  planType: PlanType,
  coverage: z.object({
    status: z.enum(['active', 'inactive', 'unknown']),
    checkedAt: IsoInstant,
    reverificationPending: z.boolean(),
  }),
  conditionCategories: z.array(z.string()),
  complexConditionForPcm: z.boolean(),
  programs: z.array(ProgramEligibility),
  withdrawn: withMeta(z.optional(z.object({ at: IsoInstant, reasonCode: z.string() })), {
    description: 'The partner cancelled the referral: this determination no longer stands',
  }),
});

export const PatientEligibilityResource = withMeta(
  z.object({ patientId: Ulid, determinations: z.array(ReferralEligibility) }),
  {
    example: {
      patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
      determinations: [
        {
          referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
          practiceId: 'practice-boston',
          determinationVersion: 1,
          determinedAt: '2026-10-02T14:00:00Z',
          determinedOn: '2026-10-02',
          planType: 'medicare',
          coverage: { status: 'active', checkedAt: '2026-10-02T14:00:00Z', reverificationPending: false },
          conditionCategories: ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
          complexConditionForPcm: true,
          programs: [
            {
              program: 'ccm',
              status: 'eligible',
              reasons: [
                {
                  code: 'CHRONIC_CONDITIONS_MET',
                  text: 'At least 2 chronic condition categories are documented.',
                },
              ],
              consentRequired: true,
              initiatingVisitRequired: false,
            },
          ],
        },
      ],
    },
  },
);

export const getEligibilityRoute = defineRoute({
  operationId: 'getPatientEligibility',
  method: 'GET',
  path: '/v1/patients/{patientId}/eligibility',
  summary: "A patient's current eligibility determinations",
  description:
    'One current determination per referral, with reason codes and text, TCM dates and coverage status.',
  tag,
  scopes: [scopes.eligibilityRead],
  params: PatientParams,
  responses: {
    200: { description: 'Current determinations', schema: PatientEligibilityResource },
    ...problemResponses(404),
  },
});
