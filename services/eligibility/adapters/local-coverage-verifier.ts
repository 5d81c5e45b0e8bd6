import type { CoverageRequest, CoverageResult, CoverageVerifier } from '../domain/coverage';

/** Raised by the local verifier when a failure is injected, to exercise the breaker. */
export class CoverageVerifierUnavailableError extends Error {
  override readonly name = 'CoverageVerifierUnavailableError';
  readonly code = 'COVERAGE_VERIFIER_UNAVAILABLE';
  constructor() {
    super('Coverage verifier unavailable (injected failure)');
  }
}

/** Deterministic answers for local runs and tests. */
export interface LocalCoverageVerifierOptions {
  readonly inactiveMemberRefs?: Iterable<string>;
  readonly inactivePayerIds?: Iterable<string>;
  readonly unknownMemberRefs?: Iterable<string>;
  readonly unknownPayerIds?: Iterable<string>;
  /** Simulated round trip in milliseconds; 0 answers on the next microtask. */
  readonly latencyMs?: number;
  /** Failure injection: return true to make the call (numbered from 1) throw. */
  readonly shouldFail?: (request: CoverageRequest, call: number) => boolean;
  /** Current time as an ISO instant, for `checkedAt`. */
  readonly now: () => string;
  /** Waits `ms`; injectable so tests control latency. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A `CoverageVerifier` for local development: everyone is covered unless listed. Unknown lists
 * win over inactive lists so that ambiguous test data exercises the "never guess" path.
 */
export function createLocalCoverageVerifier(options: LocalCoverageVerifierOptions): CoverageVerifier & {
  readonly calls: () => number;
} {
  const inactiveMembers = new Set(options.inactiveMemberRefs);
  const inactivePayers = new Set(options.inactivePayerIds);
  const unknownMembers = new Set(options.unknownMemberRefs);
  const unknownPayers = new Set(options.unknownPayerIds);
  const sleep = options.sleep ?? defaultSleep;
  let calls = 0;

  return {
    calls: () => calls,
    async verify(request): Promise<CoverageResult> {
      calls += 1;
      const call = calls;
      // Read per call so a local run can change latency without rebuilding the verifier.
      const latencyMs = options.latencyMs ?? 0;
      if (latencyMs > 0) await sleep(latencyMs);
      if (options.shouldFail?.(request, call)) throw new CoverageVerifierUnavailableError();
      const base = { planType: request.planType, checkedAt: options.now(), source: 'local' };
      if (unknownMembers.has(request.memberRef) || unknownPayers.has(request.payerId)) {
        return { ...base, status: 'unknown', unverifiedReason: 'payer-no-answer' };
      }
      if (inactiveMembers.has(request.memberRef) || inactivePayers.has(request.payerId)) {
        return { ...base, status: 'inactive' };
      }
      return { ...base, status: 'active' };
    },
  };
}
