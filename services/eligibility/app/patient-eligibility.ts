import { NotFoundError } from '@carelink/contracts';
import type { PatientStore } from '../store/patient-store';
import type { ReferralRecord } from '../store/records';
import type { StaffActor } from './consent-service';

/** A patient's referrals the actor's practice may see; none is a 404, never another practice's. */
export function createPatientEligibility(patients: PatientStore) {
  return async (actor: Omit<StaffActor, 'subject'>, patientId: string): Promise<ReferralRecord[]> => {
    const state = await patients.load(actor.tenantId, patientId);
    const visible = state.referrals.filter((referral) => referral.practiceId === actor.practiceId);
    if (visible.length === 0) throw new NotFoundError('Patient');
    return visible;
  };
}
