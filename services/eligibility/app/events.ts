import { ConsentRecordedV1, ConsentRevokedV1, EligibilityDeterminedV1 } from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import type { ReferralRecord, StoredConsent } from '../store/records';
import { type DeterminationView, determinedEventData } from './evaluation';

/** Eligibility's events carry ids, codes and dates only: names and member ids stay in intake. */
export const eligibilityDetermined = (
  referral: ReferralRecord,
  determinationVersion: number,
  view: DeterminationView,
): EventDraft =>
  emit(
    EligibilityDeterminedV1,
    determinedEventData(referral, determinationVersion, view),
    determinationVersion,
  );

export const consentRecorded = (consent: StoredConsent, consentVersion: number): EventDraft =>
  emit(
    ConsentRecordedV1,
    {
      consentId: consent.consentId,
      patientId: consent.patientId,
      practiceId: consent.practiceId,
      program: consent.program,
      method: consent.method,
      obtainedAt: consent.obtainedAt,
      billingPractitionerId: consent.billingPractitionerId,
      ...(consent.supersedesConsentId ? { supersedesConsentId: consent.supersedesConsentId } : {}),
    },
    consentVersion,
  );

export const consentRevoked = (
  consent: StoredConsent,
  reason: 'patient-request' | 'superseded' | 'other',
): EventDraft =>
  emit(ConsentRevokedV1, {
    consentId: consent.consentId,
    patientId: consent.patientId,
    practiceId: consent.practiceId,
    program: consent.program,
    revokedAt: consent.revokedAt ?? '',
    billingPractitionerId: consent.billingPractitionerId,
    reason,
  });
