import * as z from 'zod/mini';
import {
  CommunityReferralReason,
  CommunityReferralStatus,
} from '../../events/community-referral-status-changed.v1';
import { TaskStatus } from '../../events/shared';
import { withMeta } from '../../meta';
import { Cursor, IsoInstant, Ulid } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, read, tag, write } from './shared';

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
