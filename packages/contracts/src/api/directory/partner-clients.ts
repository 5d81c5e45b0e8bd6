import * as z from 'zod/mini';
import { PartnerId } from '../../directory/vocabulary';
import { withMeta } from '../../meta';
import { IsoInstant } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { operator, PartnerParams, tag } from './shared';

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

const ClientParams = z.strictObject({
  partnerId: PartnerId,
  clientId: z.string().check(z.regex(/^[\w+]{1,128}$/)),
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
