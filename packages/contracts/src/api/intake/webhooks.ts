import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Cursor, IsoInstant, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { partner, tag, webhookTag } from './shared';

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
