import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Npi, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientParams, problemResponses, tag } from './shared';

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
