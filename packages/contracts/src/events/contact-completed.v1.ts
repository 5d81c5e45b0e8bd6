import * as z from 'zod/mini';
import { defineEvent } from '../event-contract';
import { IsoInstant, Ulid } from '../primitives';

export const ContactCompletedData = z.object({
  contactId: Ulid,
  caseId: Ulid,
  patientId: Ulid,
  practiceId: z.string(),
  channel: z.enum(['phone', 'sms', 'email', 'video']),
  outcome: z.enum(['reached', 'voicemail', 'no-answer', 'wrong-number', 'declined']),
  attemptedAt: IsoInstant,
  staffId: z.string(),
  escalated: z.boolean(),
});

export const ContactCompletedV1 = defineEvent({
  source: 'carelink.outreach',
  detailType: 'ContactCompleted',
  version: 1,
  description: 'A contact attempt was logged with its outcome.',
  data: ContactCompletedData,
  example: {
    contactId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8H',
    caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    practiceId: 'practice-boston',
    channel: 'phone',
    outcome: 'reached',
    attemptedAt: '2026-10-10T15:00:00Z',
    staffId: 'staff-cm-1',
    escalated: false,
  },
});
