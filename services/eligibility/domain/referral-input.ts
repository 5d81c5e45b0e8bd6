import type { ReferralFacts } from './referral-facts';

/** A referral as this service keeps it: the facts the rules read plus routing and coverage keys. */
export interface ReferralInput {
  readonly referralId: string;
  readonly patientId: string;
  readonly practiceId: string;
  readonly timeZone: string;
  readonly preferredLanguage?: string;
  /** Payer member id, used only to verify coverage; never logged, returned or published. */
  readonly memberId: string;
  /** The referral's own version: 1 when received, then the version of each update. */
  readonly sourceVersion: number;
  readonly facts: ReferralFacts;
  /** Passed on to billing for its patient-month lock; never logged or returned. */
  readonly patientKey?: string;
}
