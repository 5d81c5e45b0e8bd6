import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Cursor, IsoInstant } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { partner, ReferralIdParams, tag } from './shared';

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
