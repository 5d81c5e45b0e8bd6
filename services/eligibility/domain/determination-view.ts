import type { PlanType, Program, TcmDeadlines } from '@carelink/contracts';
import type { CoverageResult } from './coverage';
import type { EligibilityStatus, Reason } from './findings';

/** One program's outcome as stored and shown to staff. */
export interface ProgramView {
  readonly program: Program;
  readonly status: EligibilityStatus;
  readonly reasons: readonly Reason[];
  readonly blockingReasons: readonly string[];
  readonly consentRequired?: boolean;
  readonly initiatingVisitRequired?: boolean;
  readonly authorizationRequired?: boolean;
  readonly tcm?: Readonly<TcmDeadlines>;
}

/** The outcome of one determination, free of patient data. */
export interface DeterminationView {
  readonly determinedOn: string;
  readonly planType: PlanType;
  readonly coverageStatus: CoverageResult['status'];
  readonly conditionCategories: readonly string[];
  readonly complexConditionForPcm: boolean;
  readonly programs: readonly ProgramView[];
}
