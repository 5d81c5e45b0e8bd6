import { createHash } from 'node:crypto';
import { partnerKey, tenantKey } from '@carelink/lambda-kit';

/**
 * Intake's keys. Clinical records (referrals, patients) start with the receiving tenant; what a
 * partner owns (pointers to what it sent, webhooks, its network) starts with the partner. Member
 * identifiers never become part of a key: patients are keyed by an HMAC of them.
 */
export const keys = {
  referral: (tenantId: string, referralId: string) => ({
    pk: tenantKey(tenantId, 'REFERRAL', referralId),
    sk: 'REFERRAL',
  }),
  /** Where a partner finds a referral it sent: the receiving tenant. */
  sentReferral: (partnerId: string, referralId: string) => ({
    pk: partnerKey(partnerId, 'REFERRAL', referralId),
    sk: 'SENT',
  }),
  /** GSI partition listing a partner's referrals by update time. */
  referralsByUpdate: (partnerId: string) => partnerKey(partnerId, 'REFERRALS'),
  referralUpdateSort: (updatedAt: string, referralId: string) => `${updatedAt}#${referralId}`,
  /** External ids are the partner's own numbering: unique per partner. */
  externalReferral: (partnerId: string, externalReferralId: string) => ({
    pk: partnerKey(partnerId, 'EXTREF', createHash('sha256').update(externalReferralId).digest('hex')),
    sk: 'EXTREF',
  }),
  /** One patient per person per tenant, found by the patient key (an HMAC, never the MBI itself). */
  patient: (tenantId: string, patientKey: string) => ({
    pk: tenantKey(tenantId, 'PATIENT', patientKey),
    sk: 'PATIENT',
  }),
  /** A partner's network as intake routes by it: one item per agreement. */
  network: (partnerId: string) => partnerKey(partnerId, 'NETWORK'),
  networkAgreement: (partnerId: string, agreementId: string) => ({
    pk: partnerKey(partnerId, 'NETWORK'),
    sk: `AGREEMENT#${agreementId}`,
  }),
  /**
   * A counter raised with every change to a partner's agreements, outside the agreements' partition
   * so that reading the network still returns agreements only.
   */
  networkRevision: (partnerId: string) => ({
    pk: partnerKey(partnerId, 'NETWORK', 'REVISION'),
    sk: 'REVISION',
  }),
  /** Every partner intake knows, for the webhook retry schedule. */
  partners: 'PARTNERS',
  partner: (partnerId: string) => ({ pk: partnerKey(partnerId, 'PARTNER'), sk: 'PARTNER' }),
  webhooks: (partnerId: string) => partnerKey(partnerId, 'WEBHOOKS'),
  webhook: (partnerId: string, webhookId: string) => ({
    pk: partnerKey(partnerId, 'WEBHOOKS'),
    sk: `WEBHOOK#${webhookId}`,
  }),
  deliveries: (partnerId: string, webhookId: string) =>
    partnerKey(partnerId, 'WEBHOOK', webhookId, 'DELIVERIES'),
  delivery: (partnerId: string, webhookId: string, deliveryId: string) => ({
    pk: partnerKey(partnerId, 'WEBHOOK', webhookId, 'DELIVERIES'),
    sk: `DELIVERY#${deliveryId}`,
  }),
  /** GSI partition of a partner's deliveries waiting for their next attempt (sparse). */
  dueDeliveries: (partnerId: string) => partnerKey(partnerId, 'WEBHOOK_DUE'),
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
