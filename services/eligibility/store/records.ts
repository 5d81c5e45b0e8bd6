import type { ConsentRecord, CoverageResult } from '../domain';
import type { DeterminationView } from '../domain/determination-view';
import type { ReferralInput } from '../domain/referral-input';

/** A referral with its current determination. */
export interface ReferralRecord extends ReferralInput {
  readonly coverage: CoverageResult;
  readonly determination: DeterminationView;
  readonly determinationVersion: number;
  readonly determinedAt: string;
  /** Coverage answered `unknown`: the schedule re-verifies it until the payer answers. */
  readonly coveragePending: boolean;
  readonly coverageAttempts: number;
  /** The partner cancelled the referral: the determination no longer stands and nothing re-runs it. */
  readonly withdrawn?: Withdrawal;
}

/** When and why a referral's determination was withdrawn. */
export interface Withdrawal {
  readonly at: string;
  readonly reasonCode: string;
}

/** A consent with the practice that recorded it. */
export interface StoredConsent extends ConsentRecord {
  readonly practiceId: string;
  readonly supersedesConsentId?: string;
}

/** Everything eligibility knows about one patient, read in one query. */
export interface PatientState {
  readonly tenantId: string;
  readonly patientId: string;
  /** False until a referral for the patient has been processed. */
  readonly known: boolean;
  /** Bumped by every consent change; determinations are written against the version they read. */
  readonly consentVersion: number;
  readonly referrals: readonly ReferralRecord[];
  readonly consents: readonly StoredConsent[];
  /** Cancelled referrals by id, including ones cancelled before they were determined. */
  readonly withdrawals: ReadonlyMap<string, Withdrawal>;
}

/** True when staff of `practiceId` may see the patient: a referral routed the patient to them. */
export function knownToPractice(state: PatientState, practiceId: string): boolean {
  return state.referrals.some((referral) => referral.practiceId === practiceId);
}
