import type { CoverageVerifier } from '../domain/coverage';
import { createLocalCoverageVerifier } from './local-coverage-verifier';

/** Member ids starting with this prefix get no answer from the payer (`unknown`). */
export const UNKNOWN_MEMBER_PREFIX = 'UNKNOWN-';
/** Member ids starting with this prefix have no active coverage. */
export const INACTIVE_MEMBER_PREFIX = 'INACTIVE-';

/**
 * Setting this environment variable to `on` simulates a payer connection outage in the local
 * verifier: every check fails until it is unset. Tests and local runs use it; AWS never sets it.
 */
export const COVERAGE_OUTAGE_VARIABLE = 'ELIGIBILITY_LOCAL_COVERAGE_OUTAGE';

/** Options of the local verifier used outside AWS. */
export interface ConventionCoverageVerifierOptions {
  readonly now: () => string;
  /** Read on every call: while it returns true every check fails like a payer connection outage. */
  readonly outage?: () => boolean;
  readonly latencyMs?: number;
}

/**
 * The local verifier driven by member id conventions, so demo data and tests choose the payer's
 * answer: `UNKNOWN-...` -> unknown, `INACTIVE-...` -> inactive, anything else -> active. An outage
 * switch makes every call throw, which the circuit breaker turns into `unknown`.
 */
export function createConventionCoverageVerifier(
  options: ConventionCoverageVerifierOptions,
): CoverageVerifier {
  const local = createLocalCoverageVerifier({
    now: options.now,
    unknownMemberRefs: ['unknown'],
    inactiveMemberRefs: ['inactive'],
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    shouldFail: () => options.outage?.() ?? false,
  });
  const classify = (memberRef: string) =>
    memberRef.startsWith(UNKNOWN_MEMBER_PREFIX)
      ? 'unknown'
      : memberRef.startsWith(INACTIVE_MEMBER_PREFIX)
        ? 'inactive'
        : 'active';
  return {
    verify: (request) => local.verify({ ...request, memberRef: classify(request.memberRef) }),
  };
}
