import * as z from 'zod/mini';
import { MemberName, PostalAddress, TrimmedText } from '../demographics';
import { ReferralCancelledData } from '../events/referral-cancelled.v1';
import {
  DischargeDestination,
  DischargeFacilityType,
  PlanType,
  ReasonCode,
  ReferralReasonType,
  ReferralStatus,
  TaskStatus,
} from '../events/shared';
import { withMeta } from '../meta';
import {
  Cursor,
  E164Phone,
  IanaTimeZone,
  Icd10CmCode,
  IsoDate,
  IsoInstant,
  Mbi,
  Npi,
  Program,
  Ulid,
} from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

/** The partner's own referral id: unique per tenant, echoed in every status change. */
export const ExternalReferralId = withMeta(
  z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 . _ : -')),
  { example: 'ACME-2026-000123' },
);

/** BCP 47 language tag, e.g. `en`, `es-MX`. */
export const LanguageTag = withMeta(
  z
    .string()
    .check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'a BCP 47 language tag such as en or es-MX')),
  { example: 'en' },
);

export const ReferralMember = z.strictObject({
  memberId: withMeta(
    z.string().check(z.regex(/^[\x21-\x7E]{1,64}$/, '1-64 printable characters without spaces')),
    { description: "The partner's member id" },
  ),
  name: MemberName,
  birthDate: IsoDate,
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  phone: E164Phone,
  email: z.optional(z.email().check(z.maxLength(254))),
  address: PostalAddress,
  preferredLanguage: LanguageTag,
  timeZone: IanaTimeZone,
  mbi: z.optional(Mbi),
});

export const ReferralCoverage = z
  .strictObject({
    payerId: TrimmedText(64),
    planType: PlanType,
    startDate: IsoDate,
    endDate: z.optional(IsoDate),
  })
  .check(
    z.refine((c) => c.endDate === undefined || c.endDate >= c.startDate, {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    }),
  );

export const DischargeFacility = z.strictObject({
  type: DischargeFacilityType,
  name: TrimmedText(200),
});

export const ReferralReason = z
  .strictObject({
    type: ReferralReasonType,
    description: withMeta(TrimmedText(4000), {
      description: 'Free text; treated as protected health information',
    }),
    dischargeDate: z.optional(IsoDate),
    dischargeFacility: z.optional(DischargeFacility),
    dischargeDestination: withMeta(z.optional(DischargeDestination), {
      description: 'Where the patient was discharged to; TCM needs home, assisted living or a domiciliary',
    }),
  })
  .check(
    z.superRefine((reason, ctx) => {
      if (reason.type !== 'post-discharge') return;
      if (!reason.dischargeDate)
        ctx.addIssue({ code: 'custom', path: ['dischargeDate'], message: 'required for post-discharge' });
      if (!reason.dischargeFacility)
        ctx.addIssue({ code: 'custom', path: ['dischargeFacility'], message: 'required for post-discharge' });
    }),
  );

export const Diagnosis = z.strictObject({ code: Icd10CmCode, onsetDate: z.optional(IsoDate) });
export const Diagnoses = z.array(Diagnosis).check(z.minLength(1), z.maxLength(50));

export const RequestedPrograms = z.array(Program).check(
  z.minLength(1),
  z.maxLength(4),
  z.refine((programs) => new Set(programs).size === programs.length, 'each program at most once'),
);

export const Utilization = z.strictObject({
  admissions6m: z.int().check(z.gte(0), z.lte(366)),
  edVisits6m: z.int().check(z.gte(0), z.lte(366)),
});

export const Authorization = z.strictObject({
  authorizedUnits: z.int().check(z.gte(0), z.lte(100_000)),
  fundingSource: TrimmedText(64),
  validUntil: IsoDate,
});

export const AttributedPractitioner = z.strictObject({ npi: Npi, lastVisitDate: z.optional(IsoDate) });

const referralExample = {
  externalReferralId: 'ACME-2026-000123',
  member: {
    memberId: 'M-1001',
    name: { given: ['Maria', 'Elena'], family: 'Lopez' },
    birthDate: '1951-04-12',
    sex: 'female',
    phone: '+16175550123',
    email: 'maria.lopez@example.com',
    address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
    preferredLanguage: 'es',
    timeZone: 'America/New_York',
    mbi: '1EG4TE5MK73',
  },
  coverage: { payerId: 'acme-ma', planType: 'medicare-advantage', startDate: '2026-01-01' },
  reason: {
    type: 'post-discharge',
    description: 'Discharged after CHF exacerbation; needs medication reconciliation.',
    dischargeDate: '2026-10-28',
    dischargeFacility: { type: 'inpatient', name: 'Mass General' },
  },
  diagnoses: [{ code: 'I50.22', onsetDate: '2019-03-01' }, { code: 'E11.9' }],
  requestedPrograms: ['tcm', 'ccm'],
  priority: 'urgent',
  utilization: { admissions6m: 2, edVisits6m: 1 },
  authorization: { authorizedUnits: 12, fundingSource: 'acme-ma-care-management', validUntil: '2027-06-30' },
  attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
} as const;

/** Body of `POST /v1/referrals`. */
export const CreateReferralBody = withMeta(
  z.strictObject({
    externalReferralId: ExternalReferralId,
    member: ReferralMember,
    coverage: ReferralCoverage,
    reason: ReferralReason,
    diagnoses: Diagnoses,
    requestedPrograms: RequestedPrograms,
    priority: z.enum(['routine', 'urgent']),
    utilization: Utilization,
    authorization: z.optional(Authorization),
    attributedPractitioner: z.optional(AttributedPractitioner),
  }),
  { id: 'CreateReferral', example: referralExample },
);
export type CreateReferralBody = z.output<typeof CreateReferralBody>;

/** Body of `PATCH /v1/referrals/{referralId}`: the parts a partner may add or correct. */
export const UpdateReferralBody = withMeta(
  z
    .strictObject({
      coverage: z.optional(ReferralCoverage),
      diagnoses: z.optional(Diagnoses),
      utilization: z.optional(Utilization),
      authorization: z.optional(Authorization),
      attributedPractitioner: z.optional(AttributedPractitioner),
    })
    .check(
      z.refine(
        (patch) => Object.values(patch).some((value) => value !== undefined),
        'change at least one field',
      ),
    ),
  {
    id: 'UpdateReferral',
    example: {
      authorization: {
        authorizedUnits: 12,
        fundingSource: 'acme-ma-care-management',
        validUntil: '2027-06-30',
      },
    },
  },
);
export type UpdateReferralBody = z.output<typeof UpdateReferralBody>;

export const CancelReasonCode = ReferralCancelledData.shape.reasonCode;

/** Body of `POST /v1/referrals/{referralId}/cancel`. */
export const CancelReferralBody = withMeta(
  z.strictObject({
    reasonCode: CancelReasonCode,
    note: withMeta(z.optional(TrimmedText(2000)), { description: 'Free text; never published in events' }),
  }),
  {
    id: 'CancelReferral',
    example: { reasonCode: 'member-declined', note: 'Member prefers own PCP.' },
  },
);
export type CancelReferralBody = z.output<typeof CancelReferralBody>;

export const BusinessStatus = z.object({
  code: ReasonCode,
  text: z.string(),
  reasonCodes: z.optional(z.array(ReasonCode)),
});

export const ReferralTransition = z.object({
  from: z.nullable(ReferralStatus),
  to: ReferralStatus,
  at: IsoInstant,
  businessStatus: BusinessStatus,
});

const referralResponseExample = {
  id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
  patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
  practiceId: 'practice-boston',
  status: 'received',
  taskStatus: 'requested',
  businessStatus: { code: 'RECEIVED', text: 'Referral received' },
  version: 1,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
  history: [
    {
      from: null,
      to: 'received',
      at: '2026-11-02T15:04:05.000Z',
      businessStatus: { code: 'RECEIVED', text: 'Referral received' },
    },
  ],
  ...referralExample,
} as const;

/** A referral as its partner reads it (their own member data included). */
export const ReferralResource = withMeta(
  z.object({
    id: Ulid,
    externalReferralId: z.string(),
    patientId: Ulid,
    practiceId: z.string(),
    status: ReferralStatus,
    taskStatus: TaskStatus,
    businessStatus: BusinessStatus,
    version: z.int().check(z.gte(1)),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
    history: z.array(ReferralTransition),
    cancellation: z.optional(z.object({ reasonCode: CancelReasonCode, note: z.optional(z.string()) })),
    member: z.record(z.string(), z.unknown()),
    coverage: z.record(z.string(), z.unknown()),
    reason: z.record(z.string(), z.unknown()),
    diagnoses: z.array(z.object({ code: z.string(), onsetDate: z.optional(IsoDate) })),
    requestedPrograms: z.array(Program),
    priority: z.enum(['routine', 'urgent']),
    utilization: z.object({ admissions6m: z.int(), edVisits6m: z.int() }),
    authorization: z.optional(z.record(z.string(), z.unknown())),
    attributedPractitioner: z.optional(z.record(z.string(), z.unknown())),
  }),
  { id: 'Referral', example: referralResponseExample },
);

/** A referral in a list: ids and statuses only. */
export const ReferralSummaryResource = withMeta(
  z.object({
    id: Ulid,
    externalReferralId: z.string(),
    status: ReferralStatus,
    taskStatus: TaskStatus,
    businessStatus: BusinessStatus,
    priority: z.enum(['routine', 'urgent']),
    requestedPrograms: z.array(Program),
    version: z.int().check(z.gte(1)),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
  }),
  { id: 'ReferralSummary' },
);

export const ReferralPageResource = withMeta(
  z.object({ items: z.array(ReferralSummaryResource), nextCursor: z.optional(z.string()) }),
  {
    id: 'ReferralPage',
    example: {
      items: [
        {
          id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
          externalReferralId: 'ACME-2026-000123',
          status: 'eligible',
          taskStatus: 'accepted',
          businessStatus: { code: 'ELIGIBLE', text: 'Eligible for ccm' },
          priority: 'routine',
          requestedPrograms: ['ccm'],
          version: 3,
          createdAt: '2026-11-02T15:04:05.000Z',
          updatedAt: '2026-11-02T16:00:00.000Z',
        },
      ],
    },
  },
);

const ReferralIdParams = z.strictObject({ referralId: Ulid });

export const ListReferralsQuery = z.strictObject({
  status: z.optional(ReferralStatus),
  updatedSince: z.optional(IsoInstant),
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});

/** Partner webhook events (ids and statuses only). */
export const WebhookEventType = z.enum(['ReferralStatusChanged', 'CommunityReferralStatusChanged']);

export const CreateWebhookBody = withMeta(
  z.strictObject({
    url: withMeta(
      z.url().check(
        z.maxLength(2048),
        z.refine((raw) => {
          // Refinements run even when the URL check failed, so parse defensively.
          if (!URL.canParse(raw)) return false;
          const url = new URL(raw);
          if (url.username || url.password) return false;
          if (url.protocol === 'https:') return true;
          return url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname);
        }, 'an https URL (http only for 127.0.0.1 or localhost), without credentials'),
      ),
      {
        description:
          'Must resolve, at registration and at every delivery, to public addresses only: loopback, ' +
          'private, link-local, unique-local, CGNAT, multicast and reserved addresses are refused ' +
          "(422, field code 'forbidden-address'). Redirects are not followed.",
      },
    ),
    events: z._default(
      z.array(WebhookEventType).check(
        z.minLength(1),
        z.maxLength(2),
        z.refine((events) => new Set(events).size === events.length, 'each event type once'),
      ),
      ['ReferralStatusChanged'],
    ),
  }),
  {
    id: 'CreateWebhook',
    example: { url: 'https://hooks.acme-health.example/carelink', events: ['ReferralStatusChanged'] },
  },
);
export type CreateWebhookBody = z.output<typeof CreateWebhookBody>;

const webhookExample = {
  id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8W',
  url: 'https://hooks.acme-health.example/carelink',
  events: ['ReferralStatusChanged'],
  status: 'active',
  createdAt: '2026-11-02T15:04:05.000Z',
} as const;

export const WebhookResource = withMeta(
  z.object({
    id: Ulid,
    url: z.string(),
    events: z.array(WebhookEventType),
    status: z.enum(['active']),
    createdAt: IsoInstant,
  }),
  { id: 'Webhook', example: webhookExample },
);

export const CreatedWebhookResource = withMeta(
  z.extend(WebhookResource, {
    secret: withMeta(z.string(), { description: 'Signing secret; returned only in this response' }),
  }),
  { id: 'CreatedWebhook', example: { ...webhookExample, secret: 'whsec_3q2+7w...' } },
);

export const WebhookPageResource = withMeta(z.object({ items: z.array(WebhookResource) }), {
  id: 'WebhookPage',
  example: { items: [webhookExample] },
});

/**
 * One attempt, by class only: `delivered` (the receiver answered 2xx), `rejected` (the URL led to an
 * address deliveries may not go to; nothing was sent and there are no retries) or `unreachable`
 * (anything else). Receivers' status codes and errors are not reported.
 */
export const DeliveryAttemptResource = z.object({
  attempt: z.int().check(z.gte(1)),
  at: IsoInstant,
  outcome: z.enum(['delivered', 'rejected', 'unreachable']),
});

export const WebhookDeliveryResource = z.object({
  id: z.string(),
  eventId: Ulid,
  eventType: WebhookEventType,
  referralId: Ulid,
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(DeliveryAttemptResource),
  nextAttemptAt: z.optional(IsoInstant),
  createdAt: IsoInstant,
});

export const WebhookDeliveryPageResource = withMeta(
  z.object({ items: z.array(WebhookDeliveryResource), nextCursor: z.optional(z.string()) }),
  {
    id: 'WebhookDeliveryPage',
    example: {
      items: [
        {
          id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
          eventId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8E',
          eventType: 'ReferralStatusChanged',
          referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
          status: 'succeeded',
          attempts: [
            { attempt: 1, at: '2026-11-02T15:04:06.000Z', outcome: 'unreachable' },
            { attempt: 2, at: '2026-11-02T15:05:10.000Z', outcome: 'delivered' },
          ],
          createdAt: '2026-11-02T15:04:06.000Z',
        },
      ],
    },
  },
);

const WebhookIdParams = z.strictObject({ webhookId: Ulid });
const PageQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});

const tag = 'Referrals';
/** Referrals and webhooks are the referring partner's: tokens of care organisations do not reach them. */
const partner = ['partner'] as const;
const webhookTag = 'Webhooks';

export const createReferralRoute = defineRoute({
  operationId: 'createReferral',
  method: 'POST',
  path: '/v1/referrals',
  summary: 'Refer a member',
  description:
    "Routes the referral to a practice in the partner's network (the member's attributed practitioner, " +
    "then the agreement's ZIP3 or state rule, then the default practice) and creates it there; the " +
    'resource names the `practiceId`. No practice → 422 `no-network-practice`. The same ' +
    'externalReferralId twice answers 409 with the existing referral in `existing`.',
  tag,
  scopes: [scopes.referralsWrite],
  callers: partner,
  idempotent: true,
  body: CreateReferralBody,
  responses: {
    201: {
      description: 'Referral created',
      schema: ReferralResource,
      headers: { location: 'Its URL', etag: 'Its version, to send back as If-Match' },
    },
    409: { description: 'A referral with this externalReferralId exists' },
    422: {
      description: "Not valid, or no practice in the partner's network takes it (`no-network-practice`)",
    },
  },
});

export const getReferralRoute = defineRoute({
  operationId: 'getReferral',
  method: 'GET',
  path: '/v1/referrals/{referralId}',
  summary: 'Read a referral',
  tag,
  scopes: [scopes.referralsRead],
  callers: partner,
  params: ReferralIdParams,
  responses: {
    200: { description: 'The referral (ETag is its version)', schema: ReferralResource },
    404: { description: 'No such referral sent by this partner' },
  },
});

export const listReferralsRoute = defineRoute({
  operationId: 'listReferrals',
  method: 'GET',
  path: '/v1/referrals',
  summary: 'List referrals, most recently updated first',
  tag,
  scopes: [scopes.referralsRead],
  callers: partner,
  query: ListReferralsQuery,
  responses: { 200: { description: 'A page of referrals', schema: ReferralPageResource } },
});

export const updateReferralRoute = defineRoute({
  operationId: 'updateReferral',
  method: 'PATCH',
  path: '/v1/referrals/{referralId}',
  summary: 'Add or correct coverage, diagnoses, utilization, authorization or practitioner',
  description: 'Eligibility is determined again on the updated referral.',
  tag,
  scopes: [scopes.referralsWrite],
  callers: partner,
  requiresIfMatch: true,
  params: ReferralIdParams,
  body: UpdateReferralBody,
  responses: {
    200: { description: 'The updated referral', schema: ReferralResource },
    404: { description: 'No such referral sent by this partner' },
    409: { description: 'The referral can no longer be changed' },
    412: { description: 'The referral changed since you read it' },
    428: { description: 'If-Match is missing' },
  },
});

export const cancelReferralRoute = defineRoute({
  operationId: 'cancelReferral',
  method: 'POST',
  path: '/v1/referrals/{referralId}/cancel',
  summary: 'Cancel a referral',
  tag,
  scopes: [scopes.referralsWrite],
  callers: partner,
  params: ReferralIdParams,
  body: CancelReferralBody,
  responses: {
    200: {
      description: 'The cancelled referral',
      schema: ReferralResource,
      headers: { etag: 'Its new version' },
    },
    404: { description: 'No such referral sent by this partner' },
    409: { description: 'The referral is already closed or cancelled' },
  },
});

export const createWebhookRoute = defineRoute({
  operationId: 'createWebhook',
  method: 'POST',
  path: '/v1/webhooks',
  summary: 'Subscribe to referral status changes',
  description: 'The signing secret is returned only in this response.',
  tag: webhookTag,
  scopes: [scopes.webhooksManage],
  callers: partner,
  idempotent: true,
  body: CreateWebhookBody,
  responses: { 201: { description: 'Subscription created', schema: CreatedWebhookResource } },
});

export const listWebhooksRoute = defineRoute({
  operationId: 'listWebhooks',
  method: 'GET',
  path: '/v1/webhooks',
  summary: 'List webhook subscriptions',
  tag: webhookTag,
  scopes: [scopes.webhooksManage],
  callers: partner,
  responses: { 200: { description: 'Subscriptions (without secrets)', schema: WebhookPageResource } },
});

export const deleteWebhookRoute = defineRoute({
  operationId: 'deleteWebhook',
  method: 'DELETE',
  path: '/v1/webhooks/{webhookId}',
  summary: 'Delete a webhook subscription',
  tag: webhookTag,
  scopes: [scopes.webhooksManage],
  callers: partner,
  params: WebhookIdParams,
  responses: { 204: { description: 'Deleted' }, 404: { description: 'No such subscription' } },
});

export const listWebhookDeliveriesRoute = defineRoute({
  operationId: 'listWebhookDeliveries',
  method: 'GET',
  path: '/v1/webhooks/{webhookId}/deliveries',
  summary: 'Delivery attempts of a subscription, newest first',
  tag: webhookTag,
  scopes: [scopes.webhooksManage],
  callers: partner,
  params: WebhookIdParams,
  query: PageQuery,
  responses: {
    200: { description: 'A page of deliveries', schema: WebhookDeliveryPageResource },
    404: { description: 'No such subscription' },
  },
});

// ---------------------------------------------------------------------------------------------
// The partner's access log

export const AccessLogEntryResource = withMeta(
  z.object({
    at: IsoInstant,
    organisation: withMeta(z.string(), {
      description: 'The care organisation (tenant) whose staff or systems acted',
    }),
    practiceId: z.optional(z.string()),
    role: withMeta(z.string(), {
      description: 'The role of who acted: care-manager, billing-lead, integration, partner…',
    }),
    record: withMeta(z.string(), {
      description: 'The kind of record, e.g. `outreach/time-entries`, `care-planning/care-plan`',
    }),
    action: z.enum(['read', 'create', 'update', 'delete']),
  }),
  {
    id: 'AccessLogEntry',
    example: {
      at: '2026-10-20T15:04:05.000Z',
      organisation: 'acme-health',
      practiceId: 'practice-boston',
      role: 'care-manager',
      record: 'care-planning/care-plan',
      action: 'update',
    },
  },
);

export const getReferralAccessLogRoute = defineRoute({
  operationId: 'getReferralAccessLog',
  method: 'GET',
  path: '/v1/referrals/{referralId}/access-log',
  summary:
    'Who accessed the referred member’s records: when, which organisation and role, which record, which action',
  description:
    'Newest first. No staff names and no clinical content: the organisation, the role, the kind of record and the action only. Another partner’s referral is a 404.',
  tag,
  scopes: [scopes.referralsRead],
  callers: partner,
  params: ReferralIdParams,
  query: z.object({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
    cursor: z.optional(Cursor),
  }),
  responses: {
    200: {
      description: 'The accesses',
      schema: z.object({ items: z.array(AccessLogEntryResource), nextCursor: z.optional(z.string()) }),
    },
    404: { description: 'No such referral sent by this partner' },
  },
});

export const RotateWebhookSecretBody = withMeta(
  z.strictObject({
    overlapHours: withMeta(z._default(z.int().check(z.gte(0), z.lte(72)), 24), {
      description: 'How long deliveries are also signed with the old secret (default 24 hours)',
    }),
  }),
  { id: 'RotateWebhookSecret', example: { overlapHours: 24 } },
);

export const RotatedWebhookSecretResource = withMeta(
  z.object({
    id: Ulid,
    secret: withMeta(z.string(), { description: 'The new signing secret; returned only in this response' }),
    previousSecretExpiresAt: withMeta(IsoInstant, {
      description: 'Until then every delivery carries a signature with each secret',
    }),
  }),
  {
    id: 'RotatedWebhookSecret',
    example: {
      id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8W',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      previousSecretExpiresAt: '2026-11-03T15:04:05.000Z',
    },
  },
);

export const rotateWebhookSecretRoute = defineRoute({
  operationId: 'rotateWebhookSecret',
  method: 'POST',
  path: '/v1/webhooks/{webhookId}/rotate-secret',
  summary: 'Rotate a webhook’s signing secret, keeping the old one valid for an overlap window',
  description:
    'During the overlap each delivery carries two signatures (one per secret) in both `Carelink-Signature` and the Standard Webhooks `webhook-signature` header, so receivers can switch without losing a delivery.',
  tag,
  scopes: [scopes.webhooksManage],
  callers: partner,
  idempotent: true,
  params: z.object({ webhookId: Ulid }),
  body: RotateWebhookSecretBody,
  responses: {
    200: { description: 'The new secret', schema: RotatedWebhookSecretResource },
    404: { description: 'No such webhook of this partner' },
  },
});

/** Routes served by the intake service. */
export const intakeRoutes: readonly RouteContract[] = [
  createReferralRoute,
  getReferralRoute,
  listReferralsRoute,
  updateReferralRoute,
  cancelReferralRoute,
  createWebhookRoute,
  listWebhooksRoute,
  deleteWebhookRoute,
  listWebhookDeliveriesRoute,
  getReferralAccessLogRoute,
  rotateWebhookSecretRoute,
];
