import * as z from 'zod/mini';
import { CareOrganisationId, OrganisationName } from '../../directory/vocabulary';
import { withMeta } from '../../meta';
import { TenantId } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { Audit, createdHeaders, etagHeaders, operator, PageQuery, page, tag } from './shared';

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

const TenantParams = z.strictObject({ tenantId: TenantId });

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
