import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { ConsentedProgram, IsoInstant, Ulid } from '../primitives';

export const ConsentRecordedData = z.object({
  consentId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  program: ConsentedProgram,
  method: z.enum(['verbal', 'written']),
  obtainedAt: IsoInstant,
  billingPractitionerId: z.string(),
  supersedesConsentId: z.optional(Ulid),
});

export const ConsentRecordedV1 = defineEvent({
  source: 'carelink.eligibility',
  detailType: 'ConsentRecorded',
  version: 1,
  description: 'A patient consented to a care management program with a billing practitioner.',
  data: ConsentRecordedData,
  example: {
    consentId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    program: 'ccm',
    method: 'verbal',
    obtainedAt: '2026-10-02T14:00:00Z',
    billingPractitionerId: '1234567893',
  },
});
