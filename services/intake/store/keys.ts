import { createHash } from 'node:crypto';
import { tenantKey } from '@carelink/lambda-kit';

/**
 * Intake's keys. Every partition key starts with the tenant. Partner member ids are hashed before
 * they become part of a key, so keys (which appear in metrics, traces and exports) carry no PHI.
 */
export const keys = {
  referral: (tenantId: string, referralId: string) => ({
    pk: tenantKey(tenantId, 'REFERRAL', referralId),
    sk: 'REFERRAL',
  }),
  /** GSI partition listing a tenant's referrals by update time. */
  referralsByUpdate: (tenantId: string) => tenantKey(tenantId, 'REFERRALS'),
  referralUpdateSort: (updatedAt: string, referralId: string) => `${updatedAt}#${referralId}`,
  externalReferral: (tenantId: string, externalReferralId: string) => ({
    pk: tenantKey(tenantId, 'EXTREF', externalReferralId),
    sk: 'EXTREF',
  }),
  member: (tenantId: string, memberId: string) => ({
    pk: tenantKey(tenantId, 'MEMBER', createHash('sha256').update(memberId).digest('hex')),
    sk: 'MEMBER',
  }),
  webhooks: (tenantId: string) => tenantKey(tenantId, 'WEBHOOKS'),
  webhook: (tenantId: string, webhookId: string) => ({
    pk: tenantKey(tenantId, 'WEBHOOKS'),
    sk: `WEBHOOK#${webhookId}`,
  }),
  deliveries: (tenantId: string, webhookId: string) =>
    tenantKey(tenantId, 'WEBHOOK', webhookId, 'DELIVERIES'),
  delivery: (tenantId: string, webhookId: string, deliveryId: string) => ({
    pk: tenantKey(tenantId, 'WEBHOOK', webhookId, 'DELIVERIES'),
    sk: `DELIVERY#${deliveryId}`,
  }),
  /** GSI partition of a tenant's deliveries waiting for their next attempt (sparse). */
  dueDeliveries: (tenantId: string) => tenantKey(tenantId, 'WEBHOOK_DUE'),
  dueSort: (nextAttemptAt: string, webhookId: string, deliveryId: string) =>
    `${nextAttemptAt}#${webhookId}#${deliveryId}`,
};

/** Removes the storage attributes from an item. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _kind, ...rest } = item;
  return rest as T;
}

/**
 * True when a decoded cursor is a start key this query could have produced: exactly the expected
 * attributes, all strings, within the expected partition. Anything else is a tampered cursor.
 */
export function isStartKeyOf(
  key: Record<string, unknown>,
  partition: { attribute: string; value: string },
  attributes: readonly string[],
): boolean {
  const names = Object.keys(key);
  return (
    names.length === attributes.length &&
    attributes.every((name) => typeof key[name] === 'string') &&
    key[partition.attribute] === partition.value
  );
}
