import { tenantKey } from '@carelink/lambda-kit';

/**
 * One partition per patient holds the consent-version guard, every referral with its current
 * determination, and every consent, so a single query reads all a determination needs.
 */
export const patientPk = (tenantId: string, patientId: string): string =>
  tenantKey(tenantId, 'PATIENT', patientId);
export const PROFILE_SK = 'PROFILE';
export const REFERRAL_PREFIX = 'REFERRAL#';
export const CONSENT_PREFIX = 'CONSENT#';
export const WITHDRAWN_PREFIX = 'WITHDRAWN#';
export const referralSk = (referralId: string): string => `${REFERRAL_PREFIX}${referralId}`;
export const consentSk = (consentId: string): string => `${CONSENT_PREFIX}${consentId}`;
/** A cancelled referral's marker; kept apart from the record so it can precede it. */
export const withdrawnSk = (referralId: string): string => `${WITHDRAWN_PREFIX}${referralId}`;

/** Sparse index partition listing a tenant's referrals whose coverage awaits re-verification. */
export const coveragePendingKey = (tenantId: string): string => tenantKey(tenantId, 'COVERAGE_PENDING');

/** Key attributes, stripped when an item is read back as a record. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'kind'] as const;

/** An item without its key attributes. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy;
}
