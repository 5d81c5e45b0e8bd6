import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, read, tag, write } from './shared';

export const ReminderKind = z.enum(['monthly-check-in', 'missed-call', 'appointment', 'care-team-follow-up']);

export const SendMessageBody = withMeta(
  z.strictObject({ channel: z.enum(['sms', 'email']), template: ReminderKind }),
  { id: 'OutreachSendMessageRequest', example: { channel: 'sms', template: 'monthly-check-in' } },
);

export const MessageResource = withMeta(
  z.object({
    messageId: Ulid,
    channel: z.enum(['sms', 'email']),
    template: ReminderKind,
    body: z.string(),
    status: z.enum(['sent', 'deferred', 'blocked']),
    sendAfter: z.optional(IsoInstant),
    sentAt: z.optional(IsoInstant),
    blockedReason: z.optional(z.enum(['opted-out', 'case-closed'])),
    createdAt: IsoInstant,
  }),
  {
    id: 'OutreachMessage',
    example: {
      messageId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8Q',
      channel: 'sms',
      template: 'monthly-check-in',
      body: 'Hello, this is Back Bay Primary Care. Your care team would like to check in with you this month. Please call us at (617) 555-0100. Reply STOP to opt out.',
      status: 'sent',
      sentAt: '2026-10-10T15:00:00Z',
      createdAt: '2026-10-10T15:00:00Z',
    },
  },
);

export const sendMessageRoute = defineRoute({
  operationId: 'sendPatientMessage',
  method: 'POST',
  path: '/v1/patients/{patientId}/messages',
  summary: 'Send a reminder by SMS or email',
  description:
    'Reminders name the practice and its callback number, never anything clinical. A patient who opted out is not messaged; a message in the patient’s quiet hours is deferred until they end.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: SendMessageBody,
  responses: { 201: { description: 'Accepted', schema: MessageResource }, ...problems },
});

export const listMessagesRoute = defineRoute({
  operationId: 'listPatientMessages',
  method: 'GET',
  path: '/v1/patients/{patientId}/messages',
  summary: 'List the messages sent, deferred or blocked for a patient',
  tag,
  scopes: read,
  params: PatientParams,
  responses: {
    200: { description: 'The messages, newest first', schema: z.object({ items: z.array(MessageResource) }) },
    ...problems,
  },
});

export const InboundMessageBody = withMeta(
  z.strictObject({
    channel: z._default(z.enum(['sms', 'email']), 'sms'),
    text: z.string().check(z.minLength(1), z.maxLength(1600)),
  }),
  { id: 'OutreachInboundMessageRequest', example: { channel: 'sms', text: 'STOP' } },
);

export const receiveInboundMessageRoute = defineRoute({
  operationId: 'receiveInboundMessage',
  method: 'POST',
  path: '/v1/patients/{patientId}/inbound-messages',
  summary: 'Record a reply from a patient',
  description:
    'A reply that is exactly STOP (or UNSUBSCRIBE, CANCEL, END, QUIT) opts out; START opts in again.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: InboundMessageBody,
  responses: {
    200: {
      description: 'The channel’s consent after the reply',
      schema: withMeta(
        z.object({ channel: z.enum(['sms', 'email']), consent: z.enum(['opted-in', 'opted-out']) }),
        { example: { channel: 'sms', consent: 'opted-out' } },
      ),
    },
    ...problems,
  },
});
