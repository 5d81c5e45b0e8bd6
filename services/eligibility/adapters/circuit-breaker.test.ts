import { describe, expect, it } from 'vitest';
import type { CoverageRequest, CoverageResult, CoverageVerifier } from '../domain/coverage';
import { manualClock } from '../testing/manual-clock';
import { type CircuitState, circuitBreaker, withTimeoutAndCircuitBreaker } from './circuit-breaker';
import { createLocalCoverageVerifier } from './local-coverage-verifier';

const request: CoverageRequest = {
  tenantId: 't-1',
  payerId: 'PAYER-1',
  planType: 'medicare-advantage',
  memberRef: 'm-1',
  onDate: '2025-06-16',
};

function setup(behaviour: { fail: boolean; latencyMs: number }) {
  const clock = manualClock();
  const inner = createLocalCoverageVerifier({
    now: clock.iso,
    sleep: (ms) => clock.sleep(ms),
    get latencyMs() {
      return behaviour.latencyMs;
    },
    shouldFail: () => behaviour.fail,
  });
  const transitions: [CircuitState, CircuitState][] = [];
  const guarded = withTimeoutAndCircuitBreaker(inner, {
    timeoutMs: 1000,
    failureThreshold: 3,
    resetAfterMs: 30_000,
    now: clock.now,
    schedule: (fn, ms) => clock.schedule(fn, ms),
    onStateChange: (from, to) => transitions.push([from, to]),
  });
  return { clock, inner, guarded, transitions };
}

async function verifyAt(ctx: ReturnType<typeof setup>, advanceMs = 0): Promise<CoverageResult> {
  const pending = ctx.guarded.verify(request);
  await ctx.clock.advance(advanceMs);
  return pending;
}

describe('withTimeoutAndCircuitBreaker', () => {
  it('passes answers through while the verifier is healthy', async () => {
    const ctx = setup({ fail: false, latencyMs: 0 });
    expect(await verifyAt(ctx)).toMatchObject({ status: 'active', source: 'local' });
    expect(ctx.guarded.state()).toBe('closed');
  });

  it.each([
    [999, 'active', undefined],
    [1000, 'unknown', 'timeout'],
    [5000, 'unknown', 'timeout'],
  ])('a verifier taking %i ms against a 1000 ms timeout -> %s', async (latencyMs, status, reason) => {
    const ctx = setup({ fail: false, latencyMs });
    const result = await verifyAt(ctx, latencyMs);
    expect(result.status).toBe(status);
    expect(result.unverifiedReason).toBe(reason);
    if (status === 'unknown')
      expect(result).toMatchObject({ planType: 'medicare-advantage', source: 'circuit-breaker' });
  });

  it('returns unknown for errors and opens after the threshold of consecutive failures', async () => {
    const ctx = setup({ fail: true, latencyMs: 0 });
    for (let i = 0; i < 2; i += 1) {
      expect((await verifyAt(ctx)).unverifiedReason).toBe('verifier-error');
      expect(ctx.guarded.state()).toBe('closed');
    }
    expect((await verifyAt(ctx)).unverifiedReason).toBe('verifier-error');
    expect(ctx.guarded.state()).toBe('open');
    expect(ctx.inner.calls()).toBe(3);

    const shortCircuited = await verifyAt(ctx);
    expect(shortCircuited).toMatchObject({ status: 'unknown', unverifiedReason: 'circuit-open' });
    expect(ctx.inner.calls()).toBe(3);
  });

  it('resets the failure count after a success', async () => {
    const behaviour = { fail: true, latencyMs: 0 };
    const ctx = setup(behaviour);
    await verifyAt(ctx);
    await verifyAt(ctx);
    behaviour.fail = false;
    await verifyAt(ctx);
    behaviour.fail = true;
    await verifyAt(ctx);
    await verifyAt(ctx);
    expect(ctx.guarded.state()).toBe('closed');
  });

  it('half-opens after the reset delay and closes when the trial call succeeds', async () => {
    const behaviour = { fail: true, latencyMs: 0 };
    const ctx = setup(behaviour);
    for (let i = 0; i < 3; i += 1) await verifyAt(ctx);
    await ctx.clock.advance(29_999);
    expect(ctx.guarded.state()).toBe('open');
    await ctx.clock.advance(1);
    expect(ctx.guarded.state()).toBe('half-open');

    behaviour.fail = false;
    expect((await verifyAt(ctx)).status).toBe('active');
    expect(ctx.guarded.state()).toBe('closed');
    expect(ctx.transitions).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('re-opens for another full delay when the trial call fails', async () => {
    const ctx = setup({ fail: true, latencyMs: 0 });
    for (let i = 0; i < 3; i += 1) await verifyAt(ctx);
    await ctx.clock.advance(30_000);
    expect((await verifyAt(ctx)).unverifiedReason).toBe('verifier-error');
    expect(ctx.guarded.state()).toBe('open');
    await ctx.clock.advance(29_999);
    expect(ctx.guarded.state()).toBe('open');
    await ctx.clock.advance(1);
    expect(ctx.guarded.state()).toBe('half-open');
  });

  it('lets only one trial call through while half-open', async () => {
    const behaviour = { fail: true, latencyMs: 0 };
    const ctx = setup(behaviour);
    for (let i = 0; i < 3; i += 1) await verifyAt(ctx);
    await ctx.clock.advance(30_000);
    behaviour.fail = false;
    behaviour.latencyMs = 200;
    const trial = ctx.guarded.verify(request);
    const concurrent = await ctx.guarded.verify(request);
    expect(concurrent.unverifiedReason).toBe('circuit-open');
    await ctx.clock.advance(200);
    expect((await trial).status).toBe('active');
    expect(ctx.guarded.state()).toBe('closed');
  });

  it('counts timeouts as failures', async () => {
    const ctx = setup({ fail: false, latencyMs: 2000 });
    for (let i = 0; i < 3; i += 1) expect((await verifyAt(ctx, 1000)).unverifiedReason).toBe('timeout');
    expect(ctx.guarded.state()).toBe('open');
  });
});

describe('circuitBreaker', () => {
  it.each([
    [{ timeoutMs: 0, failureThreshold: 1, resetAfterMs: 0 }],
    [{ timeoutMs: 10, failureThreshold: 0, resetAfterMs: 0 }],
    [{ timeoutMs: 10, failureThreshold: 1.5, resetAfterMs: 0 }],
    [{ timeoutMs: 10, failureThreshold: 1, resetAfterMs: -1 }],
  ])('rejects invalid options %j', (options) => {
    expect(() => circuitBreaker(async () => 1, { ...options, now: () => 0, fallback: () => 0 })).toThrow(
      RangeError,
    );
  });

  it('turns a synchronous throw into the fallback', async () => {
    const verifier: CoverageVerifier = {
      verify: () => {
        throw new Error('boom');
      },
    };
    const guarded = withTimeoutAndCircuitBreaker(verifier, {
      timeoutMs: 10,
      failureThreshold: 1,
      resetAfterMs: 10,
      now: () => 0,
    });
    expect(await guarded.verify(request)).toMatchObject({
      status: 'unknown',
      unverifiedReason: 'verifier-error',
    });
    expect(guarded.state()).toBe('open');
  });
});
