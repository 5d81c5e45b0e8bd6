import type { ReferralReceivedData } from '@carelink/contracts';
import type * as z from 'zod/mini';
import { parseReferralFacts } from '../domain';
import type { ReferralInput } from '../domain/referral-input';

export type { ReferralInput };

type ReferralData = z.output<typeof ReferralReceivedData>;

/**
 * Maps a `ReferralReceived`/`ReferralUpdated` payload to what eligibility stores. Names, contact
 * details and the priority are dropped; the facts are re-parsed against the domain schema.
 */
export function referralInputOf(data: ReferralData, sourceVersion: number): ReferralInput {
  const facts = parseReferralFacts({
    coverage: {
      payerId: data.coverage.payerId,
      planType: data.coverage.planType,
      startDate: data.coverage.startDate,
      ...(data.coverage.endDate ? { endDate: data.coverage.endDate } : {}),
    },
    reason: {
      type: data.reason.type,
      ...(data.reason.dischargeDate ? { dischargeDate: data.reason.dischargeDate } : {}),
      ...(data.reason.dischargeFacilityType
        ? { dischargeFacility: { type: data.reason.dischargeFacilityType } }
        : {}),
      ...(data.reason.dischargeDestination ? { dischargeDestination: data.reason.dischargeDestination } : {}),
    },
    diagnoses: data.diagnosisCodes.map((code) => ({ code })),
    requestedPrograms: data.requestedPrograms,
    utilization: data.utilization,
    ...(data.authorization ? { authorization: data.authorization } : {}),
    ...(data.attributedPractitioner ? { attributedPractitioner: data.attributedPractitioner } : {}),
  });
  return {
    referralId: data.referralId,
    patientId: data.patientId,
    practiceId: data.practiceId,
    timeZone: data.timeZone,
    ...(data.preferredLanguage ? { preferredLanguage: data.preferredLanguage } : {}),
    memberId: data.coverage.memberId,
    ...(data.patientKey ? { patientKey: data.patientKey } : {}),
    sourceVersion,
    facts,
  };
}
