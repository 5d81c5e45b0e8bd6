import type { CoverageResult } from '../domain/coverage';
import { resolvePolicy } from '../domain/policy';
import type { ReferralFacts } from '../domain/referral-facts';
import type { RuleContext } from '../domain/rules/rule-context';

/** A Monday with no holiday nearby, so date arithmetic in tests is easy to follow. */
export const TODAY = '2025-06-16';
/** NPIs with valid check digits. */
export const NPI_A = '1234567893';
export const NPI_B = '1234567802';

/** A referral that satisfies every program unless a test overrides part of it. */
export function referral(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  return {
    coverage: { payerId: 'PAYER-1', planType: 'medicare', startDate: '2020-01-01' },
    reason: {
      type: 'post-discharge',
      dischargeDate: '2025-06-10',
      dischargeFacility: { type: 'inpatient' },
    },
    diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }],
    requestedPrograms: [],
    utilization: { admissions6m: 2, edVisits6m: 0 },
    attributedPractitioner: { npi: NPI_A, lastVisitDate: '2025-01-15' },
    ...overrides,
  };
}

/** A coverage answer from the verifier. */
export function coverage(
  status: CoverageResult['status'] = 'active',
  planType: CoverageResult['planType'] = 'medicare',
): CoverageResult {
  return { status, planType, checkedAt: '2025-06-16T14:00:00Z', source: 'test' };
}

/** A rule context with default policy and active Medicare coverage. */
export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return { today: TODAY, policy: resolvePolicy(), coverage: coverage(), ...overrides };
}

/** Reason codes of a result, for compact assertions. */
export function codes(result: { reasons: readonly { code: string }[] }): string[] {
  return result.reasons.map((reason) => reason.code);
}
