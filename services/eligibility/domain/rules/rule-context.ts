import type { Program } from '@carelink/contracts';
import type { ConsentRecord } from '../consent';
import type { CoverageResult } from '../coverage';
import type { EligibilityStatus, Reason } from '../findings';
import type { EligibilityPolicy } from '../policy';

/** Everything a rule reads besides the referral; the clock is injected as `today`. */
export interface RuleContext {
  /** Determination date, `YYYY-MM-DD`, in the tenant's time zone. */
  readonly today: string;
  readonly policy: EligibilityPolicy;
  readonly coverage: CoverageResult;
  /**
   * Consent records of the patient and the instant to check them at. Without them consent is
   * reported as still required.
   */
  readonly consent?: { readonly records: readonly ConsentRecord[]; readonly at: string };
}

/** Fields shared by every program result. */
export interface ProgramResultBase<P extends Program> {
  readonly program: P;
  readonly status: EligibilityStatus;
  readonly reasons: readonly Reason[];
  /** Codes of the reasons that decide the status (not eligible, or information missing); notes excluded. */
  readonly blockingReasons: readonly string[];
}
