import * as z from 'zod/mini';
import { OrganisationName, PartnerId } from '../../directory/vocabulary';
import { withMeta } from '../../meta';
import { defineRoute, scopes } from '../../route-contract';
import { Audit, createdHeaders, etagHeaders, operator, PageQuery, PartnerParams, page, tag } from './shared';

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
