import * as z from 'zod/mini';
import { PostalAddress } from '../../demographics';
import { StaffId } from '../../directory/staff-vocabulary';
import {
  BillingPractitioner,
  CareModel,
  ClaimSettings,
  MedicareLocality,
  OrganisationName,
  PracticeId,
  Tin,
} from '../../directory/vocabulary';
import { PracticeChangedV1 } from '../../events/practice-changed.v1';
import { withMeta } from '../../meta';
import { E164Phone, IanaTimeZone, Npi, TenantId } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { Audit, createdHeaders, etagHeaders, operatorOrStaffAdmin, PageQuery, page, tag } from './shared';

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

const PracticeParams = z.strictObject({ practiceId: PracticeId });

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
