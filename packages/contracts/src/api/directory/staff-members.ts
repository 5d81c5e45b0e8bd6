import * as z from 'zod/mini';
import { StaffId } from '../../directory/staff-vocabulary';
import { PracticeId, StaffCredential, StaffRole } from '../../directory/vocabulary';
import { StaffMemberChangedV1 } from '../../events/staff-member-changed.v1';
import { withMeta } from '../../meta';
import { Npi, TenantId } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { Audit, createdHeaders, etagHeaders, operatorOrStaffAdmin, PageQuery, page, tag } from './shared';

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
