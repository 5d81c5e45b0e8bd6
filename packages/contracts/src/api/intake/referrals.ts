import * as z from 'zod/mini';
import { MemberName, PostalAddress, TrimmedText } from '../../demographics';
import { ReferralCancelledData } from '../../events/referral-cancelled.v1';
import {
  DischargeDestination,
  DischargeFacilityType,
  PlanType,
  ReasonCode,
  ReferralReasonType,
  ReferralStatus,
  TaskStatus,
} from '../../events/shared';
import { withMeta } from '../../meta';
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
} from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { partner, ReferralIdParams, tag } from './shared';

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

export const ListReferralsQuery = z.strictObject({
  status: z.optional(ReferralStatus),
  updatedSince: z.optional(IsoInstant),
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});

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
