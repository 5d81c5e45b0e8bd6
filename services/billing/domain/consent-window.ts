import type { MonthBounds } from './month-bounds';
import type { PatientMonthInput } from './month-schema';
import type { ReasonCode } from './reason-codes';

/** The part of the month in which time counts, or why no time counts at all. */
export type ConsentWindow =
  | { readonly ok: true; readonly fromMs: number; readonly toMs: number }
  | { readonly ok: false; readonly reason: ReasonCode };

/**
 * Time counts only from the moment consent was obtained (entries before it belong to no billable
 * service) until it is revoked, and only when the consent names the practitioner who bills.
 */
export const consentWindow = (
  consent: PatientMonthInput['consent'],
  billingPractitionerId: string,
  bounds: MonthBounds,
): ConsentWindow => {
  if (consent === null) return { ok: false, reason: 'NO_CONSENT' };
  if (consent.billingPractitionerId !== billingPractitionerId) {
    return { ok: false, reason: 'CONSENT_OTHER_PRACTITIONER' };
  }
  const obtainedMs = Date.parse(consent.obtainedAt);
  if (obtainedMs >= bounds.endMs) return { ok: false, reason: 'CONSENT_AFTER_MONTH' };
  const revokedMs = consent.revokedAt === null ? Number.POSITIVE_INFINITY : Date.parse(consent.revokedAt);
  const fromMs = Math.max(bounds.startMs, obtainedMs);
  const toMs = Math.min(bounds.endMs, revokedMs);
  if (toMs <= fromMs) return { ok: false, reason: 'CONSENT_REVOKED' };
  return { ok: true, fromMs, toMs };
};
