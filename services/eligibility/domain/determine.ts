import { parseIsoDate } from '@carelink/calendar';
import type { Program } from '@carelink/contracts';
import type { CoverageResult } from './coverage';
import type { ReferralFacts } from './referral-facts';
import { type CaseManagementResult, evaluateCaseManagement } from './rules/case-management';
import { type CcmResult, evaluateCcm } from './rules/ccm';
import { evaluatePcm, type PcmResult } from './rules/pcm';
import type { RuleContext } from './rules/rule-context';
import { evaluateTcm, type TcmResult } from './rules/tcm';

/** One program's result, discriminated by `program`. */
export type ProgramResult = CaseManagementResult | CcmResult | PcmResult | TcmResult;

/** The outcome of screening one referral. */
export interface EligibilityDetermination {
  /** Determination date, `YYYY-MM-DD`. */
  readonly determinedOn: string;
  readonly coverageStatus: CoverageResult['status'];
  /** One result per program, in the fixed order case-management, ccm, pcm, tcm. */
  readonly results: readonly ProgramResult[];
}

/** Inputs of `determine` besides the referral: the injected date, tenant policy and coverage answer. */
export type DeterminationContext = RuleContext;

const RULES: { readonly [P in Program]: (referral: ReferralFacts, ctx: RuleContext) => ProgramResult } = {
  'case-management': evaluateCaseManagement,
  ccm: evaluateCcm,
  pcm: evaluatePcm,
  tcm: evaluateTcm,
};

const ORDER: readonly Program[] = ['case-management', 'ccm', 'pcm', 'tcm'];

/**
 * Runs the requested programs' rules, or all four when none are requested, so a partner that
 * does not know which program fits still gets a full screen.
 */
export function determine(referral: ReferralFacts, ctx: DeterminationContext): EligibilityDetermination {
  // Fail fast on a malformed date instead of letting each rule trip over it.
  parseIsoDate(ctx.today);
  const requested = new Set(referral.requestedPrograms);
  const programs = requested.size === 0 ? ORDER : ORDER.filter((program) => requested.has(program));
  return {
    determinedOn: ctx.today,
    coverageStatus: ctx.coverage.status,
    results: programs.map((program) => RULES[program](referral, ctx)),
  };
}

/** The result for one program, if it was determined. */
export function resultFor<P extends Program>(
  determination: EligibilityDetermination,
  program: P,
): Extract<ProgramResult, { program: P }> | undefined {
  return determination.results.find(
    (result): result is Extract<ProgramResult, { program: P }> => result.program === program,
  );
}
