import * as z from 'zod/mini';
import { TcmDeadlines } from '../events/eligibility-determined.v1';
import { DeterminationStatus, PlanType } from '../events/shared';
import { withMeta } from '../meta';
import { IsoDate, IsoInstant, Npi, Program, Ulid } from '../primitives';
import { Problem, type ProblemType, problemTypes } from '../problem';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'Eligibility';

const problemStatus: Record<number, ProblemType> = {
  404: 'not-found',
  409: 'conflict',
  422: 'validation-failed',
};

/** Problem responses a route documents beyond the common ones. */
function problemResponses(...statuses: (404 | 409 | 422)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemTypes[problemStatus[status] ?? 'not-found'].title,
        schema: Problem,
        contentType: 'application/problem+json',
      },
    ]),
  );
}

const PatientParams = z.object({ patientId: Ulid });
const ConsentParams = z.object({ patientId: Ulid, consentId: Ulid });

/** Programs whose billing needs documented consent. */
export const ConsentProgramSchema = z.enum(['ccm', 'pcm', 'apcm']);

/** What staff capture when a patient agrees to CCM or PCM with a billing practitioner. */
export const RecordConsentBody = withMeta(
  z.strictObject({
    program: ConsentProgramSchema,
    method: z.enum(['verbal', 'written']),
    obtainedAt: IsoInstant,
    obtainedBy: withMeta(z.string().check(z.minLength(1), z.maxLength(128)), {
      description: 'Staff user id of the person who obtained it',
    }),
    billingPractitionerNpi: Npi,
    rightToStopAnyTime: withMeta(z.boolean(), {
      description: 'The patient was told they can stop at any time',
    }),
    onlyOnePractitionerBillsPerMonth: withMeta(z.boolean(), {
      description: 'The patient was told only one practitioner can bill the service per month',
    }),
    costSharingExplained: withMeta(z.boolean(), { description: 'Cost sharing (co-insurance) was explained' }),
  }),
  {
    example: {
      program: 'ccm',
      method: 'verbal',
      obtainedAt: '2026-10-02T14:00:00Z',
      obtainedBy: 'staff-boston-care-manager',
      billingPractitionerNpi: '1234567893',
      rightToStopAnyTime: true,
      onlyOnePractitionerBillsPerMonth: true,
      costSharingExplained: true,
    },
  },
);

/** Ends a consent. */
export const RevokeConsentBody = withMeta(
  z.strictObject({
    revokedAt: IsoInstant,
    reason: z.enum(['patient-request', 'other']),
  }),
  { example: { revokedAt: '2026-10-20T14:00:00Z', reason: 'patient-request' } },
);

const consentExample = {
  consentId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
  patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
  practiceId: 'practice-boston',
  program: 'ccm',
  method: 'verbal',
  obtainedAt: '2026-10-02T14:00:00Z',
  obtainedBy: 'staff-boston-care-manager',
  billingPractitionerNpi: '1234567893',
  status: 'active',
} as const;

/** A consent as staff read it. */
export const ConsentResource = withMeta(
  z.object({
    consentId: Ulid,
    patientId: Ulid,
    practiceId: z.string(),
    program: ConsentProgramSchema,
    method: z.enum(['verbal', 'written']),
    obtainedAt: IsoInstant,
    obtainedBy: z.string(),
    billingPractitionerNpi: z.string(),
    status: z.enum(['active', 'revoked']),
    revokedAt: z.optional(IsoInstant),
    revokedBy: z.optional(z.string()),
    revocationReason: z.optional(z.enum(['patient-request', 'superseded', 'other'])),
    supersedesConsentId: z.optional(Ulid),
  }),
  { example: consentExample },
);

export const ConsentHistoryResource = withMeta(z.object({ items: z.array(ConsentResource) }), {
  example: { items: [consentExample] },
});

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

export const recordConsentRoute = defineRoute({
  operationId: 'recordConsent',
  method: 'POST',
  path: '/v1/patients/{patientId}/consents',
  summary: 'Record a patient consent to CCM or PCM',
  description:
    'Every required discussion item must be true. Consent is given to one billing practitioner: recording it for another practitioner supersedes the active one for the same program.',
  tag,
  scopes: [scopes.consentWrite],
  idempotent: true,
  params: PatientParams,
  body: RecordConsentBody,
  responses: {
    201: { description: 'Consent recorded', schema: ConsentResource },
    ...problemResponses(404, 409, 422),
  },
});

export const revokeConsentRoute = defineRoute({
  operationId: 'revokeConsent',
  method: 'POST',
  path: '/v1/patients/{patientId}/consents/{consentId}/revoke',
  summary: 'Revoke a consent',
  tag,
  scopes: [scopes.consentWrite],
  idempotent: true,
  params: ConsentParams,
  body: RevokeConsentBody,
  responses: {
    200: { description: 'Consent revoked', schema: ConsentResource },
    ...problemResponses(404, 409, 422),
  },
});

export const listConsentsRoute = defineRoute({
  operationId: 'listConsents',
  method: 'GET',
  path: '/v1/patients/{patientId}/consents',
  summary: "A patient's consent history",
  tag,
  scopes: [scopes.consentRead],
  params: PatientParams,
  responses: {
    200: { description: 'Consents, oldest first', schema: ConsentHistoryResource },
    ...problemResponses(404),
  },
});

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

/** Routes served by the eligibility service. */
export const eligibilityRoutes: readonly RouteContract[] = [
  recordConsentRoute,
  revokeConsentRoute,
  listConsentsRoute,
  getEligibilityRoute,
];
