import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, tag, write } from './shared';

export const ContactAttemptBody = withMeta(
  z.strictObject({
    channel: z.enum(['phone', 'sms', 'video']),
    outcome: z.enum(['reached', 'voicemail', 'no-answer', 'wrong-number', 'declined']),
    attemptedAt: withMeta(z.optional(IsoInstant), {
      description: 'Defaults to now; may not be in the future',
    }),
  }),
  { id: 'OutreachContactAttemptRequest', example: { channel: 'phone', outcome: 'no-answer' } },
);

export const ContactAttemptResource = withMeta(
  z.object({
    contactId: Ulid,
    caseId: Ulid,
    channel: z.enum(['phone', 'sms', 'video']),
    outcome: z.enum(['reached', 'voicemail', 'no-answer', 'wrong-number', 'declined']),
    attemptedAt: IsoInstant,
    staffId: z.string(),
    escalated: z.boolean(),
  }),
  {
    id: 'OutreachContactAttempt',
    example: {
      contactId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8H',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      channel: 'phone',
      outcome: 'no-answer',
      attemptedAt: '2026-10-10T15:00:00Z',
      staffId: 'staff-boston-care-manager',
      escalated: false,
    },
  },
);

export const logContactAttemptRoute = defineRoute({
  operationId: 'logContactAttempt',
  method: 'POST',
  path: '/v1/patients/{patientId}/contact-attempts',
  summary: 'Log a contact attempt and its outcome',
  description:
    'The third failed attempt of a month without a successful contact escalates to the primary case manager, once.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: ContactAttemptBody,
  responses: { 201: { description: 'Logged', schema: ContactAttemptResource }, ...problems },
});
