import type { CoverageResult, CoverageUnverifiedReason, CoverageVerifier } from '../domain/coverage';

/** Circuit states: `half-open` lets one trial call through after the reset delay. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Why a guarded call did not produce the wrapped call's answer. */
export type GuardFailure = 'timeout' | 'error' | 'circuit-open';

/** Schedules `fn` after `ms` and returns a cancel function; injectable so tests control time. */
export type Schedule = (fn: () => void, ms: number) => () => void;

/** Timeout and breaker settings. */
export interface CircuitBreakerOptions {
  readonly timeoutMs: number;
  /** Consecutive failures (errors or timeouts) that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before a trial call is allowed. */
  readonly resetAfterMs: number;
  /** Current time in epoch milliseconds. */
  readonly now: () => number;
  readonly schedule?: Schedule;
  readonly onStateChange?: (from: CircuitState, to: CircuitState) => void;
}

/** A guarded async function that also reports its circuit state. */
export interface Guarded<A, R> {
  call(arg: A): Promise<R>;
  state(): CircuitState;
}

const defaultSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

function assertOptions(options: CircuitBreakerOptions): void {
  if (!(options.timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
    throw new RangeError('failureThreshold must be a positive integer');
  }
  if (!(options.resetAfterMs >= 0)) throw new RangeError('resetAfterMs must not be negative');
}

type Outcome<R> = { ok: true; value: R } | { ok: false; failure: 'timeout' | 'error' };

function withTimeout<A, R>(
  fn: (arg: A) => Promise<R>,
  arg: A,
  ms: number,
  schedule: Schedule,
): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome<R>) => {
      if (settled) return;
      settled = true;
      cancel();
      resolve(outcome);
    };
    const cancel = schedule(() => settle({ ok: false, failure: 'timeout' }), ms);
    // A late answer after the timeout is dropped; the catch keeps it from becoming unhandled.
    Promise.resolve()
      .then(() => fn(arg))
      .then(
        (value) => settle({ ok: true, value }),
        () => settle({ ok: false, failure: 'error' }),
      );
  });
}

/**
 * Wraps any async call with a timeout and a consecutive-failure circuit breaker. Failures never
 * propagate: `fallback` turns them into a value, so callers degrade instead of erroring.
 */
export function circuitBreaker<A, R>(
  fn: (arg: A) => Promise<R>,
  options: CircuitBreakerOptions & { fallback: (arg: A, failure: GuardFailure) => R },
): Guarded<A, R> {
  assertOptions(options);
  const schedule = options.schedule ?? defaultSchedule;
  let current: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const moveTo = (next: CircuitState) => {
    if (next === current) return;
    const from = current;
    current = next;
    options.onStateChange?.(from, next);
  };
  const open = () => {
    openedAt = options.now();
    failures = 0;
    moveTo('open');
  };
  const state = (): CircuitState => {
    if (current === 'open' && options.now() - openedAt >= options.resetAfterMs) moveTo('half-open');
    return current;
  };

  return {
    state,
    async call(arg) {
      const before = state();
      if (before === 'open' || (before === 'half-open' && trialInFlight))
        return options.fallback(arg, 'circuit-open');
      const trial = before === 'half-open';
      if (trial) trialInFlight = true;
      try {
        const outcome = await withTimeout(fn, arg, options.timeoutMs, schedule);
        if (outcome.ok) {
          // A straggler from before the circuit opened must not close it again.
          if (current !== 'open') {
            failures = 0;
            moveTo('closed');
          }
          return outcome.value;
        }
        if (trial) open();
        else if (current === 'closed') {
          failures += 1;
          if (failures >= options.failureThreshold) open();
        }
        return options.fallback(arg, outcome.failure);
      } finally {
        if (trial) trialInFlight = false;
      }
    },
  };
}

const UNVERIFIED: Record<GuardFailure, CoverageUnverifiedReason> = {
  timeout: 'timeout',
  error: 'verifier-error',
  'circuit-open': 'circuit-open',
};

/** A coverage verifier guarded by a timeout and circuit breaker; exposes the circuit state. */
export interface GuardedCoverageVerifier extends CoverageVerifier {
  state(): CircuitState;
}

/**
 * Guards a coverage verifier so a slow or failing payer connection answers `unknown` quickly
 * instead of stalling referral intake; the rules then ask for verification rather than guess.
 */
export function withTimeoutAndCircuitBreaker(
  verifier: CoverageVerifier,
  options: CircuitBreakerOptions,
): GuardedCoverageVerifier {
  const guarded = circuitBreaker(
    (request: Parameters<CoverageVerifier['verify']>[0]) => verifier.verify(request),
    {
      ...options,
      fallback: (request, failure): CoverageResult => ({
        status: 'unknown',
        planType: request.planType,
        checkedAt: new Date(options.now()).toISOString(),
        source: 'circuit-breaker',
        unverifiedReason: UNVERIFIED[failure],
      }),
    },
  );
  return { verify: (request) => guarded.call(request), state: guarded.state };
}
