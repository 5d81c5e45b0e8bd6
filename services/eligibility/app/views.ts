import type { ConsentResource } from '@carelink/contracts/api/eligibility/consents';
import type { PatientEligibilityResource } from '@carelink/contracts/api/eligibility/determinations';
import type * as z from 'zod/mini';
import type { ReferralRecord, StoredConsent } from '../store/records';

const reasonCodes = { PATIENT_REQUEST: 'patient-request', SUPERSEDED: 'superseded', OTHER: 'other' } as const;

/** A consent as the API returns it. */
export function consentResource(consent: StoredConsent): z.input<typeof ConsentResource> {
  return {
    consentId: consent.consentId,
    patientId: consent.patientId,
    practiceId: consent.practiceId,
    program: consent.program,
    method: consent.method,
    obtainedAt: consent.obtainedAt,
    obtainedBy: consent.obtainedBy,
    billingPractitionerNpi: consent.billingPractitionerId,
    status: consent.revokedAt ? 'revoked' : 'active',
    ...(consent.revokedAt ? { revokedAt: consent.revokedAt } : {}),
    ...(consent.revokedBy ? { revokedBy: consent.revokedBy } : {}),
    ...(consent.revocationReason ? { revocationReason: reasonCodes[consent.revocationReason] } : {}),
    ...(consent.supersedesConsentId ? { supersedesConsentId: consent.supersedesConsentId } : {}),
  };
}

/** The current determinations of a patient's referrals, as staff read them (no member ids). */
export function eligibilityResource(
  patientId: string,
  referrals: readonly ReferralRecord[],
): z.input<typeof PatientEligibilityResource> {
  return {
    patientId,
    determinations: [...referrals]
      .sort((a, b) => a.referralId.localeCompare(b.referralId))
      .map((r) => ({
        referralId: r.referralId,
        practiceId: r.practiceId,
        determinationVersion: r.determinationVersion,
        determinedAt: r.determinedAt,
        determinedOn: r.determination.determinedOn,
        planType: r.determination.planType,
        coverage: {
          status: r.coverage.status,
          checkedAt: r.coverage.checkedAt,
          reverificationPending: r.coveragePending,
        },
        conditionCategories: [...r.determination.conditionCategories],
        complexConditionForPcm: r.determination.complexConditionForPcm,
        programs: r.determination.programs.map((p) => ({
          ...p,
          reasons: p.reasons.map(({ code, text }) => ({ code, text })),
          blockingReasons: [...p.blockingReasons],
        })),
        ...(r.withdrawn ? { withdrawn: r.withdrawn } : {}),
      })),
  };
}
