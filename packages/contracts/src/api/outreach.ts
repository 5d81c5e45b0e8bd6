import * as z from 'zod/mini';
import {
  CommunityReferralReason,
  CommunityReferralStatus,
} from '../events/community-referral-status-changed.v1';
import { Performer, TaskStatus } from '../events/shared';
import { withMeta } from '../meta';
import {
  AlertResolution,
  AlertStatus,
  TaskCancelReason,
  TaskOutcome,
  TimeEntryActivity,
  VitalThresholds,
  VoidReason,
} from '../outreach-vocabulary';
import { Cursor, IsoInstant, TimeProgram, Ulid, YearMonth } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

/**
 * The outreach API: the staff side of care management. Every route is for practice staff and scoped
 * to the caller's practice; a patient of another practice answers 404.
 */

const tag = 'outreach';
const read = [scopes.outreachRead] as const;
const write = [scopes.outreachWrite] as const;

const PatientParams = z.object({ patientId: Ulid });

const problems = {
  404: { description: 'No such patient in the caller’s practice' },
  422: { description: 'The request is not valid' },
} as const;

// ---------------------------------------------------------------------------------------------
// Tasks

export const OutreachTaskResource = withMeta(
  z.object({
    taskId: z.string(),
    caseId: Ulid,
    kind: z.string(),
    source: z.string(),
    period: z.string(),
    recurrence: z.enum(['once', 'monthly']),
    openFrom: IsoInstant,
    dueAt: IsoInstant,
    assigneeId: z.string(),
    status: z.enum(['open', 'done', 'cancelled']),
    closed: withMeta(
      z.optional(
        z.object({
          by: z.string(),
          at: IsoInstant,
          outcome: z.optional(TaskOutcome),
          reason: z.optional(TaskCancelReason),
          note: z.optional(z.string()),
          late: withMeta(z.optional(z.boolean()), { description: 'Done after it was due' }),
        }),
      ),
      { description: 'Who finished the task and how; absent for tasks a schedule change closed' },
    ),
  }),
  {
    id: 'OutreachTask',
    example: {
      taskId: 'task#01JD3Y7T5V0M3Q8W9X2Z4A6B8F#monthly-contact#2026-10',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      kind: 'monthly-contact',
      source: 'monthly-contact',
      period: '2026-10',
      recurrence: 'monthly',
      openFrom: '2026-10-01T04:00:00Z',
      dueAt: '2026-11-01T04:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'open',
    },
  },
);

export const listPatientTasksRoute = defineRoute({
  operationId: 'listPatientTasks',
  method: 'GET',
  path: '/v1/patients/{patientId}/tasks',
  summary: 'List the outreach tasks of a patient',
  description: 'Tasks are built from the patient’s cases and care plans; closed cases leave cancelled tasks.',
  tag,
  scopes: read,
  params: PatientParams,
  query: z.object({ status: z.optional(z.enum(['open', 'done', 'cancelled'])) }),
  responses: {
    200: { description: 'The tasks', schema: z.object({ items: z.array(OutreachTaskResource) }) },
    ...problems,
  },
});

// ---------------------------------------------------------------------------------------------
// Contact attempts

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

// ---------------------------------------------------------------------------------------------
// Messages

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

// ---------------------------------------------------------------------------------------------
// Time entries

export const TimeEntryBody = withMeta(
  z.strictObject({
    program: TimeProgram,
    performer: Performer,
    practitionerId: z.string().check(z.minLength(1), z.maxLength(128)),
    startedAt: IsoInstant,
    minutes: z.int().check(z.gte(1), z.lte(240)),
    activity: TimeEntryActivity,
    note: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  }),
  {
    id: 'OutreachTimeEntryRequest',
    example: {
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt: '2026-10-10T15:00:00Z',
      minutes: 25,
      activity: 'medication-management',
      note: 'Reviewed the refill schedule',
    },
  },
);

export const TimeEntryResource = withMeta(
  z.object({
    timeEntryId: Ulid,
    caseId: Ulid,
    program: TimeProgram,
    performer: Performer,
    practitionerId: z.string(),
    startedAt: IsoInstant,
    minutes: z.int(),
    activity: TimeEntryActivity,
    note: z.optional(z.string()),
    recordedAt: IsoInstant,
    recordedBy: z.string(),
    voided: withMeta(z.optional(z.object({ reason: z.string(), by: z.string(), at: IsoInstant })), {
      description: 'Present once the entry was voided',
    }),
  }),
  {
    id: 'OutreachTimeEntry',
    example: {
      timeEntryId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8J',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      program: 'ccm',
      performer: 'clinical-staff',
      practitionerId: 'staff-boston-clinical-staff',
      startedAt: '2026-10-10T15:00:00Z',
      minutes: 25,
      activity: 'medication-management',
      recordedAt: '2026-10-10T15:30:00Z',
      recordedBy: 'staff-boston-clinical-staff',
    },
  },
);

export const logTimeEntryRoute = defineRoute({
  operationId: 'logTimeEntry',
  method: 'POST',
  path: '/v1/patients/{patientId}/time-entries',
  summary: 'Log staff time against a patient',
  description:
    'Entries are immutable. Entries ending in the future are rejected (422); an entry overlapping a non-voided entry of the same practitioner is a conflict (409) that names the other entry.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: TimeEntryBody,
  responses: {
    201: { description: 'Logged', schema: TimeEntryResource },
    409: { description: 'Overlaps another entry of the same practitioner' },
    ...problems,
  },
});

export const VoidTimeEntryBody = withMeta(z.strictObject({ reason: VoidReason }), {
  id: 'OutreachVoidTimeEntryRequest',
  example: { reason: 'wrong-duration' },
});

export const voidTimeEntryRoute = defineRoute({
  operationId: 'voidTimeEntry',
  method: 'POST',
  path: '/v1/patients/{patientId}/time-entries/{entryId}/void',
  summary: 'Void a time entry (the audited correction)',
  tag,
  scopes: write,
  idempotent: true,
  params: z.object({ patientId: Ulid, entryId: Ulid }),
  body: VoidTimeEntryBody,
  responses: {
    200: { description: 'Voided', schema: TimeEntryResource },
    409: { description: 'Already voided' },
    ...problems,
  },
});

export const listTimeEntriesRoute = defineRoute({
  operationId: 'listTimeEntries',
  method: 'GET',
  path: '/v1/patients/{patientId}/time-entries',
  summary: 'List a patient’s time entries of a month (practice time zone)',
  tag,
  scopes: read,
  params: PatientParams,
  query: z.object({
    month: withMeta(z.optional(YearMonth), { description: 'Defaults to the current month' }),
  }),
  responses: {
    200: {
      description: 'The entries, voided ones included',
      schema: z.object({
        month: YearMonth,
        items: z.array(TimeEntryResource),
        minutes: withMeta(z.int(), { description: 'Sum of the non-voided entries' }),
      }),
    },
    ...problems,
  },
});

// ---------------------------------------------------------------------------------------------
// Screenings

const Item = z.int().check(z.gte(0), z.lte(3));

export const ScreeningBody = withMeta(
  z.discriminatedUnion('instrument', [
    z.strictObject({
      instrument: z.literal('phq-9'),
      answers: z.array(Item).check(z.length(9)),
      completedAt: z.optional(IsoInstant),
    }),
    z.strictObject({
      instrument: z.literal('gad-7'),
      answers: z.array(Item).check(z.length(7)),
      completedAt: z.optional(IsoInstant),
    }),
    z.strictObject({
      instrument: z.literal('hrsn'),
      answers: withMeta(z.record(z.string(), z.unknown()), {
        description: 'AHC HRSN core answers, as codes (validated field by field)',
      }),
      completedAt: z.optional(IsoInstant),
    }),
  ]),
  {
    id: 'OutreachScreeningRequest',
    example: { instrument: 'phq-9', answers: [1, 1, 0, 2, 1, 0, 1, 0, 0] },
  },
);

export const ScreeningResource = withMeta(
  z.object({
    screeningId: Ulid,
    caseId: Ulid,
    instrument: z.enum(['phq-9', 'gad-7', 'hrsn']),
    score: z.int(),
    band: z.string(),
    positiveDomains: z.optional(z.array(z.string())),
    riskFlags: z.array(z.object({ flagId: Ulid, kind: z.string(), severity: z.enum(['urgent', 'high']) })),
    completedAt: IsoInstant,
  }),
  {
    id: 'OutreachScreening',
    example: {
      screeningId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8K',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      instrument: 'phq-9',
      score: 6,
      band: 'mild',
      riskFlags: [],
      completedAt: '2026-10-10T15:20:00Z',
    },
  },
);

export const submitScreeningRoute = defineRoute({
  operationId: 'submitScreening',
  method: 'POST',
  path: '/v1/patients/{patientId}/screenings',
  summary: 'Submit PHQ-9, GAD-7 or HRSN answers to be scored',
  description: 'A positive PHQ-9 item 9 raises an urgent self-harm risk flag in the same transaction.',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: ScreeningBody,
  responses: { 201: { description: 'Scored', schema: ScreeningResource }, ...problems },
});

// ---------------------------------------------------------------------------------------------
// Vital signs

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

// ---------------------------------------------------------------------------------------------
// Community resources and referrals

export const ResourceCategory = z.enum([
  'housing-assistance',
  'food-assistance',
  'transportation-assistance',
  'utility-assistance',
  'interpersonal-safety-support',
  'other',
]);

export const CommunityResourceBody = withMeta(
  z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    category: ResourceCategory,
    phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
    website: z.optional(z.url().check(z.maxLength(500))),
    active: z._default(z.boolean(), true),
  }),
  {
    id: 'OutreachCommunityResourceRequest',
    example: {
      name: 'Greater Boston Food Bank',
      category: 'food-assistance',
      phone: '+16174273700',
      active: true,
    },
  },
);

export const CommunityResourceResource = withMeta(
  z.extend(CommunityResourceBody, { resourceId: z.string() }),
  {
    id: 'OutreachCommunityResource',
    example: {
      resourceId: 'gbfb',
      name: 'Greater Boston Food Bank',
      category: 'food-assistance',
      phone: '+16174273700',
      active: true,
    },
  },
);

const ResourceId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens'));

export const putCommunityResourceRoute = defineRoute({
  operationId: 'putCommunityResource',
  method: 'PUT',
  path: '/v1/community-resources/{resourceId}',
  summary: 'Add or update a community resource in the tenant’s directory',
  tag,
  scopes: write,
  params: z.object({ resourceId: ResourceId }),
  body: CommunityResourceBody,
  responses: { 200: { description: 'Stored', schema: CommunityResourceResource }, 422: problems[422] },
});

export const listCommunityResourcesRoute = defineRoute({
  operationId: 'listCommunityResources',
  method: 'GET',
  path: '/v1/community-resources',
  summary: 'List the tenant’s community resource directory',
  tag,
  scopes: read,
  query: z.object({ category: z.optional(ResourceCategory), cursor: z.optional(Cursor) }),
  responses: {
    200: {
      description: 'The resources',
      schema: z.object({ items: z.array(CommunityResourceResource), nextCursor: z.optional(z.string()) }),
    },
    422: problems[422],
  },
});

export const CommunityReferralResource = withMeta(
  z.object({
    referralId: Ulid,
    caseId: Ulid,
    resourceId: z.string(),
    category: ResourceCategory,
    status: CommunityReferralStatus,
    taskStatus: withMeta(TaskStatus, {
      description: 'The FHIR Task status of the closed loop (Gravity SDOH)',
    }),
    history: z.array(
      z.object({
        status: CommunityReferralStatus,
        at: IsoInstant,
        by: z.string(),
        reason: z.optional(CommunityReferralReason),
      }),
    ),
  }),
  {
    id: 'OutreachCommunityReferral',
    example: {
      referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8S',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      resourceId: 'gbfb',
      category: 'food-assistance',
      status: 'sent',
      taskStatus: 'requested',
      history: [
        {
          status: 'sent',
          at: '2026-10-12T14:00:00Z',
          by: 'staff-boston-care-manager',
          reason: 'referral-sent',
        },
      ],
    },
  },
);

export const CreateCommunityReferralBody = withMeta(z.strictObject({ resourceId: ResourceId }), {
  id: 'OutreachCreateCommunityReferralRequest',
  example: { resourceId: 'gbfb' },
});

export const createCommunityReferralRoute = defineRoute({
  operationId: 'createCommunityReferral',
  method: 'POST',
  path: '/v1/patients/{patientId}/community-referrals',
  summary: 'Refer a patient to a community resource',
  tag,
  scopes: write,
  idempotent: true,
  params: PatientParams,
  body: CreateCommunityReferralBody,
  responses: { 201: { description: 'Sent', schema: CommunityReferralResource }, ...problems },
});

export const CommunityReferralStatusBody = withMeta(
  z.strictObject({
    status: z.enum(['accepted', 'rejected', 'completed', 'cancelled']),
    reason: withMeta(z.optional(CommunityReferralReason), {
      description:
        'Required to reject or cancel; accepting defaults to accepted-by-organization, completing to service-provided',
    }),
  }),
  { id: 'OutreachCommunityReferralStatusRequest', example: { status: 'accepted' } },
);

export const updateCommunityReferralStatusRoute = defineRoute({
  operationId: 'updateCommunityReferralStatus',
  method: 'POST',
  path: '/v1/patients/{patientId}/community-referrals/{referralId}/status',
  summary:
    'Close the loop on a community referral: sent → accepted | rejected | cancelled, accepted → completed | cancelled',
  description:
    'Each change is published as CommunityReferralStatusChanged with its reason and forwarded to the referring partner’s webhooks with the FHIR Task status.',
  tag,
  scopes: write,
  idempotent: true,
  params: z.object({ patientId: Ulid, referralId: Ulid }),
  body: CommunityReferralStatusBody,
  responses: {
    200: { description: 'Updated', schema: CommunityReferralResource },
    409: { description: 'The referral cannot move to that status from its current one' },
    ...problems,
  },
});

// ---------------------------------------------------------------------------------------------
// Risk flags and escalations: open → acknowledged → resolved, each step by a named person

const Stamp = z.object({ by: z.string(), at: IsoInstant });
const Resolved = z.extend(Stamp, { resolution: AlertResolution, note: z.optional(z.string()) });

export const AcknowledgeBody = withMeta(
  z.strictObject({ note: z.optional(z.string().check(z.maxLength(2000))) }),
  { id: 'OutreachAcknowledgeRequest', example: { note: 'Calling the patient now' } },
);

export const ResolveBody = withMeta(
  z.strictObject({ resolution: AlertResolution, note: z.optional(z.string().check(z.maxLength(2000))) }),
  {
    id: 'OutreachResolveRequest',
    example: { resolution: 'clinically-addressed', note: 'Safety plan reviewed with the patient' },
  },
);

export const RiskFlagResource = withMeta(
  z.object({
    flagId: Ulid,
    caseId: Ulid,
    kind: z.enum(['self-harm-risk', 'vital-sign', 'readmission-risk', 'social-need', 'contact-failure']),
    severity: z.enum(['urgent', 'high']),
    code: z.string(),
    observedAt: IsoInstant,
    assigneeId: z.string(),
    status: AlertStatus,
    acknowledged: z.optional(z.extend(Stamp, { note: z.optional(z.string()) })),
    resolved: z.optional(Resolved),
  }),
  {
    id: 'OutreachRiskFlag',
    example: {
      flagId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      kind: 'self-harm-risk',
      severity: 'urgent',
      code: 'PHQ9_ITEM9_POSITIVE',
      observedAt: '2026-10-11T09:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'acknowledged',
      acknowledged: { by: 'staff-boston-care-manager', at: '2026-10-11T09:05:00Z' },
    },
  },
);

export const EscalationResource = withMeta(
  z.object({
    escalationId: z.string(),
    caseId: Ulid,
    reason: z.enum(['unreachable']),
    month: YearMonth,
    failedAttempts: z.int(),
    raisedAt: IsoInstant,
    assigneeId: z.string(),
    status: AlertStatus,
    acknowledged: z.optional(z.extend(Stamp, { note: z.optional(z.string()) })),
    resolved: z.optional(Resolved),
  }),
  {
    id: 'OutreachEscalation',
    example: {
      escalationId: 'escalation#01JD3Y7T5V0M3Q8W9X2Z4A6B8F#2026-10',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      reason: 'unreachable',
      month: '2026-10',
      failedAttempts: 3,
      raisedAt: '2026-10-20T15:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'open',
    },
  },
);

const StatusQuery = z.object({ status: z.optional(AlertStatus) });
const transitionProblems = {
  409: { description: 'The item is not in a status that allows this step (e.g. already resolved)' },
  ...problems,
} as const;

export const listRiskFlagsRoute = defineRoute({
  operationId: 'listRiskFlags',
  method: 'GET',
  path: '/v1/patients/{patientId}/risk-flags',
  summary: 'List a patient’s risk flags, newest first',
  tag,
  scopes: read,
  params: PatientParams,
  query: StatusQuery,
  responses: {
    200: { description: 'The flags', schema: z.object({ items: z.array(RiskFlagResource) }) },
    ...problems,
  },
});

const FlagParams = z.object({ patientId: Ulid, flagId: Ulid });

export const acknowledgeRiskFlagRoute = defineRoute({
  operationId: 'acknowledgeRiskFlag',
  method: 'POST',
  path: '/v1/patients/{patientId}/risk-flags/{flagId}/acknowledge',
  summary: 'Acknowledge an open risk flag: the caller owns it now, and on-call paging stops',
  tag,
  scopes: write,
  idempotent: true,
  params: FlagParams,
  body: AcknowledgeBody,
  responses: { 200: { description: 'Acknowledged', schema: RiskFlagResource }, ...transitionProblems },
});

export const resolveRiskFlagRoute = defineRoute({
  operationId: 'resolveRiskFlag',
  method: 'POST',
  path: '/v1/patients/{patientId}/risk-flags/{flagId}/resolve',
  summary: 'Resolve a risk flag with a resolution code; publishes RiskFlagResolved',
  tag,
  scopes: write,
  idempotent: true,
  params: FlagParams,
  body: ResolveBody,
  responses: { 200: { description: 'Resolved', schema: RiskFlagResource }, ...transitionProblems },
});

export const listEscalationsRoute = defineRoute({
  operationId: 'listEscalations',
  method: 'GET',
  path: '/v1/patients/{patientId}/escalations',
  summary: 'List a patient’s escalations, newest first',
  tag,
  scopes: read,
  params: PatientParams,
  query: StatusQuery,
  responses: {
    200: { description: 'The escalations', schema: z.object({ items: z.array(EscalationResource) }) },
    ...problems,
  },
});

const EscalationParams = z.object({
  patientId: Ulid,
  escalationId: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const acknowledgeEscalationRoute = defineRoute({
  operationId: 'acknowledgeEscalation',
  method: 'POST',
  path: '/v1/patients/{patientId}/escalations/{escalationId}/acknowledge',
  summary: 'Acknowledge an open escalation',
  tag,
  scopes: write,
  idempotent: true,
  params: EscalationParams,
  body: AcknowledgeBody,
  responses: { 200: { description: 'Acknowledged', schema: EscalationResource }, ...transitionProblems },
});

export const resolveEscalationRoute = defineRoute({
  operationId: 'resolveEscalation',
  method: 'POST',
  path: '/v1/patients/{patientId}/escalations/{escalationId}/resolve',
  summary: 'Resolve an escalation with a resolution code',
  tag,
  scopes: write,
  idempotent: true,
  params: EscalationParams,
  body: ResolveBody,
  responses: { 200: { description: 'Resolved', schema: EscalationResource }, ...transitionProblems },
});

// ---------------------------------------------------------------------------------------------
// Finishing tasks

const TaskParams = z.object({ patientId: Ulid, taskId: z.string().check(z.minLength(1), z.maxLength(300)) });

export const CompleteTaskBody = withMeta(
  z.strictObject({ outcome: TaskOutcome, note: z.optional(z.string().check(z.maxLength(2000))) }),
  { id: 'OutreachCompleteTaskRequest', example: { outcome: 'refill-requested' } },
);

export const CancelTaskBody = withMeta(z.strictObject({ reason: TaskCancelReason }), {
  id: 'OutreachCancelTaskRequest',
  example: { reason: 'handled-elsewhere' },
});

export const completeTaskRoute = defineRoute({
  operationId: 'completeOutreachTask',
  method: 'POST',
  path: '/v1/patients/{patientId}/tasks/{taskId}/complete',
  summary: 'Complete an open outreach task (intervention tasks included)',
  tag,
  scopes: write,
  idempotent: true,
  params: TaskParams,
  body: CompleteTaskBody,
  responses: {
    200: { description: 'Completed', schema: OutreachTaskResource },
    409: { description: 'The task is already done or cancelled' },
    ...problems,
  },
});

export const cancelTaskRoute = defineRoute({
  operationId: 'cancelOutreachTask',
  method: 'POST',
  path: '/v1/patients/{patientId}/tasks/{taskId}/cancel',
  summary: 'Cancel an open outreach task',
  tag,
  scopes: write,
  idempotent: true,
  params: TaskParams,
  body: CancelTaskBody,
  responses: {
    200: { description: 'Cancelled', schema: OutreachTaskResource },
    409: { description: 'The task is already done or cancelled' },
    ...problems,
  },
});

export const listCommunityReferralsRoute = defineRoute({
  operationId: 'listCommunityReferrals',
  method: 'GET',
  path: '/v1/patients/{patientId}/community-referrals',
  summary: 'List a patient’s community referrals with their closed-loop history, newest first',
  tag,
  scopes: read,
  params: PatientParams,
  query: z.object({ status: z.optional(CommunityReferralStatus) }),
  responses: {
    200: { description: 'The referrals', schema: z.object({ items: z.array(CommunityReferralResource) }) },
    ...problems,
  },
});

// ---------------------------------------------------------------------------------------------
// Worklist

export const WorklistResource = withMeta(
  z.object({
    staffId: z.string(),
    month: YearMonth,
    items: z.array(
      z.object({
        kind: z.enum(['task', 'escalation', 'risk-flag', 'review-task']),
        urgency: z.enum(['urgent', 'overdue', 'due']),
        id: z.string(),
        patientId: Ulid,
        caseId: z.string(),
        dueAt: IsoInstant,
        detail: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
    ccmMinutes: z.array(
      z.object({
        patientId: Ulid,
        caseId: Ulid,
        minutes: z.int(),
        nextThreshold: z.optional(z.int()),
        minutesToNextThreshold: z.int(),
      }),
    ),
  }),
  {
    id: 'OutreachWorklist',
    example: {
      staffId: 'staff-boston-care-manager',
      month: '2026-10',
      items: [
        {
          kind: 'risk-flag',
          urgency: 'urgent',
          id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
          dueAt: '2026-10-11T09:00:00Z',
          detail: { flagKind: 'vital-sign', severity: 'urgent', code: 'HYPERTENSIVE_CRISIS' },
        },
      ],
      ccmMinutes: [
        {
          patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
          caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
          minutes: 25,
          nextThreshold: 40,
          minutesToNextThreshold: 15,
        },
      ],
    },
  },
);

export const getOutreachWorklistRoute = defineRoute({
  operationId: 'getOutreachWorklist',
  method: 'GET',
  path: '/v1/worklist',
  summary: 'The calling staff member’s worklist',
  description:
    'Risk flags, escalations, due or overdue tasks and the case tasks care-planning gave the caller (care plan reviews, cancelled referrals to decide on, overdue assessments), sorted by urgency then due time, and the CCM clinical-staff minutes of each patient on the caseload this month (practice time zone) with the minutes missing to the next threshold (20/40/60).',
  tag,
  scopes: read,
  responses: { 200: { description: 'The worklist', schema: WorklistResource } },
});

/** Routes served by the outreach service. */
export const outreachRoutes: readonly RouteContract[] = [
  listPatientTasksRoute,
  logContactAttemptRoute,
  sendMessageRoute,
  listMessagesRoute,
  receiveInboundMessageRoute,
  logTimeEntryRoute,
  voidTimeEntryRoute,
  listTimeEntriesRoute,
  submitScreeningRoute,
  recordObservationRoute,
  putVitalsPolicyRoute,
  putCommunityResourceRoute,
  listCommunityResourcesRoute,
  createCommunityReferralRoute,
  updateCommunityReferralStatusRoute,
  getOutreachWorklistRoute,
  listRiskFlagsRoute,
  acknowledgeRiskFlagRoute,
  resolveRiskFlagRoute,
  listEscalationsRoute,
  acknowledgeEscalationRoute,
  resolveEscalationRoute,
  completeTaskRoute,
  cancelTaskRoute,
  listCommunityReferralsRoute,
];
