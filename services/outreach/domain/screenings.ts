import type { Instant } from '@carelink/calendar';
import { scoreGad7 } from './gad7';
import { scoreHrsn } from './hrsn';
import { scorePhq9 } from './phq9';
import type { RiskFlagKind, RiskSeverity } from './risk-flags';
import type { CompletedScreening, HrsnDomain, ScreeningInstrument, ScreeningResult } from './screening-types';

/** A submitted screening: the instrument and its raw answers, validated when scored. */
export interface ScreeningSubmission {
  readonly screeningId: string;
  readonly caseId: string;
  readonly instrument: ScreeningInstrument;
  readonly answers: unknown;
  readonly completedAt: Instant;
}

/** Scores any supported instrument. */
export function scoreScreening(
  instrument: ScreeningInstrument,
  answers: unknown,
  observedAt: Instant,
): ScreeningResult {
  switch (instrument) {
    case 'phq-9':
      return scorePhq9(answers, observedAt);
    case 'gad-7':
      return scoreGad7(answers);
    case 'ahc-hrsn':
      return scoreHrsn(answers, observedAt);
  }
}

/**
 * Emitted when a screening is completed. It carries scores, bands, flags and referral proposals so
 * that other services can act, but never the item answers: those stay in the clinical record.
 */
export interface ScreeningCompleted {
  readonly type: 'ScreeningCompleted';
  readonly screeningId: string;
  readonly caseId: string;
  readonly instrument: ScreeningInstrument;
  readonly score: number;
  readonly band: string;
  readonly riskFlags: readonly {
    readonly kind: RiskFlagKind;
    readonly severity: RiskSeverity;
    readonly code: string;
    readonly observedAt: string;
  }[];
  readonly proposedReferrals: readonly { readonly domain: HrsnDomain; readonly category: string }[];
  readonly completedAt: string;
}

/** Scores a submission and returns the stored screening (no answers kept) with its event. */
export function completeScreening(submission: ScreeningSubmission): {
  screening: CompletedScreening;
  events: [ScreeningCompleted];
} {
  const result = scoreScreening(submission.instrument, submission.answers, submission.completedAt);
  const screening: CompletedScreening = {
    screeningId: submission.screeningId,
    caseId: submission.caseId,
    completedAt: submission.completedAt,
    result,
  };
  return { screening, events: [toScreeningCompletedEvent(screening)] };
}

/** The event form of a completed screening, built field by field so answers can never leak in. */
export function toScreeningCompletedEvent(screening: CompletedScreening): ScreeningCompleted {
  const { result } = screening;
  return {
    type: 'ScreeningCompleted',
    screeningId: screening.screeningId,
    caseId: screening.caseId,
    instrument: result.instrument,
    score: result.score,
    band: result.band,
    riskFlags: result.riskFlags.map((flag) => ({
      kind: flag.kind,
      severity: flag.severity,
      code: flag.code,
      observedAt: flag.observedAt.toString(),
    })),
    proposedReferrals: result.proposedReferrals.map((referral) => ({
      domain: referral.domain,
      category: referral.category,
    })),
    completedAt: screening.completedAt.toString(),
  };
}
