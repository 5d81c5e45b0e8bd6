import * as z from 'zod/mini';
import { PostalAddress } from '../demographics';
import {
  AgreementPrograms,
  AgreementRouting,
  BillingPractitioner,
  CareModel,
  CareOrganisationId,
  ClaimSettings,
  EffectiveDate,
  MedicareLocality,
  OrganisationName,
  PartnerId,
  PracticeId,
  StaffCredential,
  StaffRole,
  Tin,
} from '../directory/vocabulary';
import { AgreementChangedV1 } from '../events/agreement-changed.v1';
import { PracticeChangedV1 } from '../events/practice-changed.v1';
import { StaffId, StaffMemberChangedV1 } from '../events/staff-member-changed.v1';
import { withMeta } from '../meta';
import { Cursor, E164Phone, IanaTimeZone, IsoInstant, Npi, TenantId, Ulid } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'Directory';
const operator = ['operator'] as const;
/** Practices: the operator, or a care organisation's staff admin for its own practices. */
const operatorOrStaffAdmin = ['operator', 'tenant'] as const;

const Version = z.int().check(z.gte(1));
const Audit = { version: Version, createdAt: IsoInstant, updatedAt: IsoInstant };
const PageQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});
const page = <T extends z.ZodMiniType>(item: T, id: string, example: unknown) =>
  withMeta(z.object({ items: z.array(item), nextCursor: z.optional(z.string()) }), {
    id,
    example: { items: [example] },
  });

// Tenants (care organisations)

export const CreateTenantBody = withMeta(
  z.strictObject({ tenantId: CareOrganisationId, name: OrganisationName }),
  { id: 'CreateTenant', example: { tenantId: 'acme-health', name: 'Acme Health Medical Group' } },
);
export type CreateTenantBody = z.output<typeof CreateTenantBody>;

export const UpdateTenantBody = withMeta(z.strictObject({ name: OrganisationName }), {
  id: 'UpdateTenant',
  example: { name: 'Acme Health Medical Group, P.C.' },
});
export type UpdateTenantBody = z.output<typeof UpdateTenantBody>;

const tenantExample = {
  tenantId: 'acme-health',
  name: 'Acme Health Medical Group',
  version: 1,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const TenantResource = withMeta(z.object({ tenantId: TenantId, name: z.string(), ...Audit }), {
  id: 'Tenant',
  example: tenantExample,
});
export const TenantPageResource = page(TenantResource, 'TenantPage', tenantExample);

// Practices

const { version: _v, status: _s, tenantId: _t, ...practiceExampleFields } = PracticeChangedV1.example;
export const CreatePracticeBody = withMeta(
  z.strictObject({
    practiceId: PracticeId,
    tenantId: TenantId,
    name: OrganisationName,
    npi: withMeta(Npi, { description: 'Group (type 2) NPI of the practice; the check digit is verified' }),
    tin: Tin,
    timeZone: IanaTimeZone,
    address: PostalAddress,
    locality: MedicareLocality,
    careModel: CareModel,
    callbackNumber: E164Phone,
    billingPractitioners: z._default(z.array(BillingPractitioner).check(z.maxLength(50)), []),
    onCall: withMeta(z._default(z.array(StaffId).check(z.maxLength(10)), []), {
      description: 'Staff ids urgent risk flags page, in order (every 30 minutes until acknowledged)',
    }),
    claimSettings: z.optional(ClaimSettings),
  }),
  {
    id: 'CreatePractice',
    example: { ...practiceExampleFields, tenantId: 'acme-health', tin: '04-2103594' },
  },
);
export type CreatePracticeBody = z.output<typeof CreatePracticeBody>;

export const UpdatePracticeBody = withMeta(
  z
    .strictObject(
      z.extend(z.partial(z.omit(CreatePracticeBody, { practiceId: true, tenantId: true })), {
        status: z.optional(z.enum(['active', 'inactive'])),
      }).shape,
    )
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')),
  { id: 'UpdatePractice', example: { callbackNumber: '+16175550199' } },
);
export type UpdatePracticeBody = z.output<typeof UpdatePracticeBody>;

const practiceExample = {
  ...PracticeChangedV1.example,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const PracticeResource = withMeta(
  z.object({
    practiceId: z.string(),
    tenantId: TenantId,
    name: z.string(),
    npi: z.string(),
    tin: z.string(),
    timeZone: z.string(),
    address: z.record(z.string(), z.unknown()),
    locality: MedicareLocality,
    careModel: CareModel,
    callbackNumber: z.string(),
    billingPractitioners: z.array(BillingPractitioner),
    onCall: z.array(z.string()),
    claimSettings: z.optional(ClaimSettings),
    status: z.enum(['active', 'inactive']),
    ...Audit,
  }),
  { id: 'Practice', example: practiceExample },
);
export const PracticePageResource = page(PracticeResource, 'PracticePage', practiceExample);

// Partners

export const CreatePartnerBody = withMeta(z.strictObject({ partnerId: PartnerId, name: OrganisationName }), {
  id: 'CreatePartner',
  example: { partnerId: 'northwind-health', name: 'Northwind Health Plan' },
});
export type CreatePartnerBody = z.output<typeof CreatePartnerBody>;

export const UpdatePartnerBody = withMeta(
  z
    .strictObject({ name: z.optional(OrganisationName), status: z.optional(z.enum(['active', 'inactive'])) })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')),
  { id: 'UpdatePartner', example: { status: 'inactive' } },
);
export type UpdatePartnerBody = z.output<typeof UpdatePartnerBody>;

const partnerExample = {
  partnerId: 'northwind-health',
  name: 'Northwind Health Plan',
  status: 'active',
  version: 1,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const PartnerResource = withMeta(
  z.object({ partnerId: z.string(), name: z.string(), status: z.enum(['active', 'inactive']), ...Audit }),
  { id: 'Partner', example: partnerExample },
);
export const PartnerPageResource = page(PartnerResource, 'PartnerPage', partnerExample);

// Agreements

export const CreateAgreementBody = withMeta(
  z
    .strictObject({
      partnerId: PartnerId,
      practiceId: PracticeId,
      programs: AgreementPrograms,
      effectiveFrom: EffectiveDate,
      effectiveTo: z.optional(EffectiveDate),
      routing: AgreementRouting,
    })
    .check(
      z.refine((a) => a.effectiveTo === undefined || a.effectiveTo >= a.effectiveFrom, {
        message: 'effectiveTo must not be before effectiveFrom',
        path: ['effectiveTo'],
      }),
    ),
  {
    id: 'CreateAgreement',
    example: {
      partnerId: 'northwind-health',
      practiceId: 'practice-boston',
      programs: ['ccm', 'pcm', 'tcm', 'case-management'],
      effectiveFrom: '2026-01-01',
      routing: { default: true, attributedNpis: ['1234567893'] },
    },
  },
);
export type CreateAgreementBody = z.output<typeof CreateAgreementBody>;

export const UpdateAgreementBody = withMeta(
  z
    .strictObject({
      programs: z.optional(AgreementPrograms),
      effectiveTo: z.optional(z.nullable(EffectiveDate)),
      routing: z.optional(AgreementRouting),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')),
  { id: 'UpdateAgreement', example: { effectiveTo: '2027-12-31' } },
);
export type UpdateAgreementBody = z.output<typeof UpdateAgreementBody>;

const { status: _agreementStatus, ...agreementFields } = AgreementChangedV1.example;
const agreementExample = {
  ...agreementFields,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const AgreementResource = withMeta(
  z.object({
    agreementId: Ulid,
    partnerId: z.string(),
    practiceId: z.string(),
    tenantId: TenantId,
    programs: z.array(z.string()),
    effectiveFrom: z.string(),
    effectiveTo: z.optional(z.string()),
    routing: z.record(z.string(), z.unknown()),
    ...Audit,
  }),
  { id: 'Agreement', example: agreementExample },
);
export const AgreementPageResource = page(AgreementResource, 'AgreementPage', agreementExample);

export const ListAgreementsQuery = z.strictObject(
  z.extend(PageQuery, { partnerId: z.optional(PartnerId) }).shape,
);

// Partner API clients

/** The scopes a partner client may hold; all of them unless the operator narrows them. */
export const PartnerScope = z.enum([scopes.referralsRead, scopes.referralsWrite, scopes.webhooksManage]);

export const CreatePartnerClientBody = withMeta(
  z.strictObject({
    scopes: z.optional(z.array(PartnerScope).check(z.minLength(1), z.maxLength(3))),
    description: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }),
  { id: 'CreatePartnerClient', example: { description: 'Northwind referral gateway (prod)' } },
);
export type CreatePartnerClientBody = z.output<typeof CreatePartnerClientBody>;

const clientExample = {
  clientId: '6v7ckgbq1qnt3ulrb2q6lfspdo',
  partnerId: 'northwind-health',
  scopes: ['referrals:read', 'referrals:write', 'webhooks:manage'],
  description: 'Northwind referral gateway (prod)',
  createdAt: '2026-11-02T15:04:05.000Z',
};
export const PartnerClientResource = withMeta(
  z.object({
    clientId: z.string(),
    partnerId: z.string(),
    scopes: z.array(z.string()),
    description: z.optional(z.string()),
    createdAt: IsoInstant,
  }),
  { id: 'PartnerClient', example: clientExample },
);
export const CreatedPartnerClientResource = withMeta(
  z.extend(PartnerClientResource, {
    clientSecret: withMeta(z.string(), { description: 'Returned only in this response' }),
  }),
  { id: 'CreatedPartnerClient', example: { ...clientExample, clientSecret: 'q0d5…' } },
);
export const PartnerClientPageResource = withMeta(z.object({ items: z.array(PartnerClientResource) }), {
  id: 'PartnerClientPage',
  example: { items: [clientExample] },
});

// Staff members (people who sign in)

const StaffRoles = z.array(StaffRole).check(
  z.minLength(1),
  z.maxLength(6),
  z.refine((roles) => new Set(roles).size === roles.length, 'each role at most once'),
);
const PracticeIds = z.array(PracticeId).check(
  z.minLength(1),
  z.maxLength(20),
  z.refine((ids) => new Set(ids).size === ids.length, 'each practice at most once'),
);

export const CreateStaffMemberBody = withMeta(
  z
    .strictObject({
      staffId: withMeta(z.optional(StaffId), { description: 'Chosen by the admin; generated when absent' }),
      tenantId: TenantId,
      practiceIds: PracticeIds,
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      email: z.email().check(z.maxLength(254)),
      roles: StaffRoles,
      credential: StaffCredential,
      npi: withMeta(z.optional(Npi), { description: 'Individual NPI, for those who bill or render' }),
    })
    .check(
      z.refine((s) => !s.roles.includes('billing-practitioner') || s.npi !== undefined, {
        message: 'a billing practitioner needs an NPI',
        path: ['npi'],
      }),
    ),
  {
    id: 'CreateStaffMember',
    example: {
      staffId: 'staff-boston-rn-1',
      tenantId: 'acme-health',
      practiceIds: ['practice-boston'],
      name: 'Jordan Lee',
      email: 'jordan.lee@backbay.example',
      roles: ['care-manager'],
      credential: 'RN',
    },
  },
);
export type CreateStaffMemberBody = z.output<typeof CreateStaffMemberBody>;

export const UpdateStaffMemberBody = withMeta(
  z
    .strictObject({
      practiceIds: z.optional(PracticeIds),
      name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      roles: z.optional(StaffRoles),
      credential: z.optional(StaffCredential),
      npi: z.optional(Npi),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')),
  { id: 'UpdateStaffMember', example: { roles: ['care-manager', 'staff-admin'] } },
);
export type UpdateStaffMemberBody = z.output<typeof UpdateStaffMemberBody>;

const staffExample = {
  ...StaffMemberChangedV1.example,
  name: 'Jordan Lee',
  email: 'jordan.lee@backbay.example',
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const StaffMemberResource = withMeta(
  z.object({
    staffId: z.string(),
    tenantId: TenantId,
    practiceIds: z.array(z.string()),
    name: z.string(),
    email: z.string(),
    roles: z.array(StaffRole),
    credential: StaffCredential,
    npi: z.optional(z.string()),
    status: z.enum(['active', 'disabled']),
    ...Audit,
  }),
  { id: 'StaffMember', example: staffExample },
);
export const StaffMemberPageResource = page(StaffMemberResource, 'StaffMemberPage', staffExample);

/**
 * How the person receives their first password: by e-mail from the identity provider (AWS), or in
 * this response, once (a local cloud without mail).
 */
export const StaffInvitation = z.discriminatedUnion('delivery', [
  z.object({ delivery: z.literal('email') }),
  z.object({ delivery: z.literal('response'), temporaryPassword: z.string() }),
]);
export const CreatedStaffMemberResource = withMeta(
  z.extend(StaffMemberResource, { invitation: StaffInvitation }),
  {
    id: 'CreatedStaffMember',
    example: { ...staffExample, invitation: { delivery: 'email' } },
  },
);

// Routes

const TenantParams = z.strictObject({ tenantId: TenantId });
const PracticeParams = z.strictObject({ practiceId: PracticeId });
const PartnerParams = z.strictObject({ partnerId: PartnerId });
const AgreementParams = z.strictObject({ agreementId: Ulid });
const ClientParams = z.strictObject({
  partnerId: PartnerId,
  clientId: z.string().check(z.regex(/^[\w+]{1,128}$/)),
});

const etagHeaders = { etag: 'Its version, to send back as If-Match' };
const createdHeaders = { location: 'Its URL', ...etagHeaders };

export const createTenantRoute = defineRoute({
  operationId: 'createTenant',
  method: 'POST',
  path: '/v1/directory/tenants',
  summary: 'Onboard a care organisation (tenant)',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  idempotent: true,
  body: CreateTenantBody,
  responses: {
    201: { description: 'Tenant created', schema: TenantResource, headers: createdHeaders },
    409: { description: 'A tenant with this id exists' },
  },
});

export const getTenantRoute = defineRoute({
  operationId: 'getTenant',
  method: 'GET',
  path: '/v1/directory/tenants/{tenantId}',
  summary: 'Read a care organisation',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: TenantParams,
  responses: {
    200: { description: 'The tenant', schema: TenantResource, headers: etagHeaders },
    404: { description: 'No such tenant' },
  },
});

export const listTenantsRoute = defineRoute({
  operationId: 'listTenants',
  method: 'GET',
  path: '/v1/directory/tenants',
  summary: 'List care organisations',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  query: PageQuery,
  responses: { 200: { description: 'A page of tenants', schema: TenantPageResource } },
});

export const updateTenantRoute = defineRoute({
  operationId: 'updateTenant',
  method: 'PATCH',
  path: '/v1/directory/tenants/{tenantId}',
  summary: 'Rename a care organisation',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: TenantParams,
  body: UpdateTenantBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The tenant as changed', schema: TenantResource, headers: etagHeaders },
    404: { description: 'No such tenant' },
  },
});

export const createPracticeRoute = defineRoute({
  operationId: 'createPractice',
  method: 'POST',
  path: '/v1/directory/practices',
  summary: 'Add a practice to a care organisation',
  description:
    "The operator adds practices to any tenant; a staff admin only to the tenant of its token (another tenant's id answers 404).",
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  idempotent: true,
  body: CreatePracticeBody,
  responses: {
    201: { description: 'Practice created', schema: PracticeResource, headers: createdHeaders },
    404: { description: 'No such tenant' },
    409: { description: 'A practice with this id exists' },
  },
});

export const getPracticeRoute = defineRoute({
  operationId: 'getPractice',
  method: 'GET',
  path: '/v1/directory/practices/{practiceId}',
  summary: 'Read a practice',
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  params: PracticeParams,
  responses: {
    200: { description: 'The practice', schema: PracticeResource, headers: etagHeaders },
    404: { description: "No such practice (or another tenant's)" },
  },
});

export const listPracticesRoute = defineRoute({
  operationId: 'listPractices',
  method: 'GET',
  path: '/v1/directory/practices',
  summary: "List practices (a staff admin sees its own tenant's)",
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  query: PageQuery,
  responses: { 200: { description: 'A page of practices', schema: PracticePageResource } },
});

export const updatePracticeRoute = defineRoute({
  operationId: 'updatePractice',
  method: 'PATCH',
  path: '/v1/directory/practices/{practiceId}',
  summary: 'Change a practice',
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  params: PracticeParams,
  body: UpdatePracticeBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The practice as changed', schema: PracticeResource, headers: etagHeaders },
    404: { description: "No such practice (or another tenant's)" },
  },
});

export const createPartnerRoute = defineRoute({
  operationId: 'createPartner',
  method: 'POST',
  path: '/v1/directory/partners',
  summary: 'Onboard a referring organisation (partner)',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  idempotent: true,
  body: CreatePartnerBody,
  responses: {
    201: { description: 'Partner created', schema: PartnerResource, headers: createdHeaders },
    409: { description: 'A partner with this id exists' },
  },
});

export const getPartnerRoute = defineRoute({
  operationId: 'getPartner',
  method: 'GET',
  path: '/v1/directory/partners/{partnerId}',
  summary: 'Read a partner',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: PartnerParams,
  responses: {
    200: { description: 'The partner', schema: PartnerResource, headers: etagHeaders },
    404: { description: 'No such partner' },
  },
});

export const listPartnersRoute = defineRoute({
  operationId: 'listPartners',
  method: 'GET',
  path: '/v1/directory/partners',
  summary: 'List partners',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  query: PageQuery,
  responses: { 200: { description: 'A page of partners', schema: PartnerPageResource } },
});

export const updatePartnerRoute = defineRoute({
  operationId: 'updatePartner',
  method: 'PATCH',
  path: '/v1/directory/partners/{partnerId}',
  summary: 'Rename a partner or stop its referrals (inactive)',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: PartnerParams,
  body: UpdatePartnerBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The partner as changed', schema: PartnerResource, headers: etagHeaders },
    404: { description: 'No such partner' },
  },
});

export const createAgreementRoute = defineRoute({
  operationId: 'createAgreement',
  method: 'POST',
  path: '/v1/directory/agreements',
  summary: 'Put a practice in a partner’s network',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  idempotent: true,
  body: CreateAgreementBody,
  responses: {
    201: { description: 'Agreement created', schema: AgreementResource, headers: createdHeaders },
    404: { description: 'No such partner or practice' },
  },
});

export const getAgreementRoute = defineRoute({
  operationId: 'getAgreement',
  method: 'GET',
  path: '/v1/directory/agreements/{agreementId}',
  summary: 'Read a network agreement',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: AgreementParams,
  responses: {
    200: { description: 'The agreement', schema: AgreementResource, headers: etagHeaders },
    404: { description: 'No such agreement' },
  },
});

export const listAgreementsRoute = defineRoute({
  operationId: 'listAgreements',
  method: 'GET',
  path: '/v1/directory/agreements',
  summary: 'List network agreements, optionally of one partner',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  query: ListAgreementsQuery,
  responses: { 200: { description: 'A page of agreements', schema: AgreementPageResource } },
});

export const updateAgreementRoute = defineRoute({
  operationId: 'updateAgreement',
  method: 'PATCH',
  path: '/v1/directory/agreements/{agreementId}',
  summary: 'Change an agreement’s programs, end date or routing',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: AgreementParams,
  body: UpdateAgreementBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The agreement as changed', schema: AgreementResource, headers: etagHeaders },
    404: { description: 'No such agreement' },
  },
});

export const createPartnerClientRoute = defineRoute({
  operationId: 'createPartnerClient',
  method: 'POST',
  path: '/v1/directory/partners/{partnerId}/clients',
  summary: 'Issue API credentials to a partner',
  description:
    'Creates an OAuth2 client-credentials client whose tokens name the partner. The secret is in this ' +
    'response only. Rotation: create a new client, move the integration to it, delete the old one.',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  idempotent: true,
  params: PartnerParams,
  body: CreatePartnerClientBody,
  responses: {
    201: { description: 'Client created', schema: CreatedPartnerClientResource },
    404: { description: 'No such partner' },
  },
});

export const listPartnerClientsRoute = defineRoute({
  operationId: 'listPartnerClients',
  method: 'GET',
  path: '/v1/directory/partners/{partnerId}/clients',
  summary: "A partner's API clients (without secrets)",
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: PartnerParams,
  responses: {
    200: { description: 'Its clients', schema: PartnerClientPageResource },
    404: { description: 'No such partner' },
  },
});

export const deletePartnerClientRoute = defineRoute({
  operationId: 'deletePartnerClient',
  method: 'DELETE',
  path: '/v1/directory/partners/{partnerId}/clients/{clientId}',
  summary: 'Revoke a partner client',
  description: 'No new token is issued to it; tokens already issued expire within their lifetime (1 hour).',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: ClientParams,
  responses: {
    204: { description: 'Revoked' },
    404: { description: 'No such client of this partner' },
  },
});

const StaffParams = z.strictObject({ staffId: StaffId });

export const createStaffMemberRoute = defineRoute({
  operationId: 'createStaffMember',
  method: 'POST',
  path: '/v1/directory/staff',
  summary: 'Add a person to a care organisation, with their sign-in',
  description:
    'Creates the person and their user in the identity provider (MFA required at first sign-in). A staff ' +
    "admin adds people to its own tenant only (another tenant's id answers 404).",
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  idempotent: true,
  body: CreateStaffMemberBody,
  responses: {
    201: { description: 'Person created', schema: CreatedStaffMemberResource, headers: createdHeaders },
    404: { description: 'No such tenant or practice' },
    409: { description: 'A person with this id or e-mail exists' },
  },
});

export const getStaffMemberRoute = defineRoute({
  operationId: 'getStaffMember',
  method: 'GET',
  path: '/v1/directory/staff/{staffId}',
  summary: 'Read a person',
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  params: StaffParams,
  responses: {
    200: { description: 'The person', schema: StaffMemberResource, headers: etagHeaders },
    404: { description: "No such person (or another tenant's)" },
  },
});

export const listStaffMembersRoute = defineRoute({
  operationId: 'listStaffMembers',
  method: 'GET',
  path: '/v1/directory/staff',
  summary: "List people (a staff admin sees its own tenant's)",
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  query: PageQuery,
  responses: { 200: { description: 'A page of people', schema: StaffMemberPageResource } },
});

export const updateStaffMemberRoute = defineRoute({
  operationId: 'updateStaffMember',
  method: 'PATCH',
  path: '/v1/directory/staff/{staffId}',
  summary: "Change a person's practices, roles, credential or NPI",
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  params: StaffParams,
  body: UpdateStaffMemberBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The person as changed', schema: StaffMemberResource, headers: etagHeaders },
    404: { description: "No such person (or another tenant's)" },
  },
});

export const disableStaffMemberRoute = defineRoute({
  operationId: 'disableStaffMember',
  method: 'POST',
  path: '/v1/directory/staff/{staffId}/disable',
  summary: 'Stop a person signing in, at once',
  description:
    'The user is disabled at the identity provider and the token trigger refuses them: no new sign-in or ' +
    'token refresh succeeds; access tokens already issued end within their lifetime (1 hour).',
  tag,
  scopes: [scopes.staffAdmin],
  callers: operatorOrStaffAdmin,
  params: StaffParams,
  responses: {
    200: { description: 'The person, disabled', schema: StaffMemberResource, headers: etagHeaders },
    404: { description: "No such person (or another tenant's)" },
  },
});

export const directoryRoutes: readonly RouteContract[] = [
  createTenantRoute,
  getTenantRoute,
  listTenantsRoute,
  updateTenantRoute,
  createPracticeRoute,
  getPracticeRoute,
  listPracticesRoute,
  updatePracticeRoute,
  createPartnerRoute,
  getPartnerRoute,
  listPartnersRoute,
  updatePartnerRoute,
  createAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  updateAgreementRoute,
  createPartnerClientRoute,
  listPartnerClientsRoute,
  deletePartnerClientRoute,
  createStaffMemberRoute,
  getStaffMemberRoute,
  listStaffMembersRoute,
  updateStaffMemberRoute,
  disableStaffMemberRoute,
];
