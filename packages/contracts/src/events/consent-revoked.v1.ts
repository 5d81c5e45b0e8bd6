import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { ConsentedProgram, IsoInstant, Ulid } from '../primitives';

export const ConsentRevokedData = z.object({
  consentId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: ConsentedProgram,
  revokedAt: IsoInstant,
  billingPractitionerId: z.string(),
  /** `superseded` when consent for another billing practitioner replaced it. */
  reason: z.optional(z.enum(['patient-request', 'superseded', 'other'])),
});

export const ConsentRevokedV1 = defineEvent({
  source: 'carelink.eligibility',
  detailType: 'ConsentRevoked',
  version: 1,
  description: 'A patient withdrew consent; time after revokedAt no longer counts.',
  data: ConsentRevokedData,
  example: {
    consentId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    revokedAt: '2026-10-20T14:00:00Z',
    billingPractitionerId: '1234567893',
    reason: 'patient-request',
  },
});
