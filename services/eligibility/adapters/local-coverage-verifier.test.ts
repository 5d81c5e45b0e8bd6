import { describe, expect, it } from 'vitest';
import type { CoverageRequest } from '../domain/coverage';
import { manualClock } from '../testing/manual-clock';
import { CoverageVerifierUnavailableError, createLocalCoverageVerifier } from './local-coverage-verifier';

const request = (overrides: Partial<CoverageRequest> = {}): CoverageRequest => ({
  tenantId: 't-1',
  payerId: 'PAYER-1',
  planType: 'medicare',
  memberRef: 'm-1',
  onDate: '2025-06-16',
  ...overrides,
});

describe('createLocalCoverageVerifier', () => {
  const clock = manualClock();
  const verifier = createLocalCoverageVerifier({
    inactiveMemberRefs: ['m-inactive', 'm-both'],
    inactivePayerIds: ['PAYER-OFF'],
    unknownMemberRefs: ['m-unknown', 'm-both'],
    unknownPayerIds: ['PAYER-DOWN'],
    now: clock.iso,
  });

  it.each([
    [{}, 'active'],
    [{ memberRef: 'm-inactive' }, 'inactive'],
    [{ payerId: 'PAYER-OFF' }, 'inactive'],
    [{ memberRef: 'm-unknown' }, 'unknown'],
    [{ payerId: 'PAYER-DOWN' }, 'unknown'],
    [{ memberRef: 'm-both' }, 'unknown'],
  ])('answers %j with %s', async (overrides, status) => {
    const result = await verifier.verify(request(overrides));
    expect(result).toMatchObject({
      status,
      planType: 'medicare',
      source: 'local',
      checkedAt: '2025-06-16T14:00:00.000Z',
    });
  });

  it('waits the configured latency before answering', async () => {
    const slowClock = manualClock();
    const slow = createLocalCoverageVerifier({
      latencyMs: 500,
      now: slowClock.iso,
      sleep: (ms) => slowClock.sleep(ms),
    });
    let answered = false;
    const pending = slow.verify(request()).then((r) => {
      answered = true;
      return r;
    });
    await slowClock.advance(499);
    expect(answered).toBe(false);
    await slowClock.advance(1);
    expect((await pending).checkedAt).toBe('2025-06-16T14:00:00.500Z');
  });

  it('throws on injected failures only for the chosen calls', async () => {
    const flaky = createLocalCoverageVerifier({ now: clock.iso, shouldFail: (_, call) => call % 2 === 0 });
    await expect(flaky.verify(request())).resolves.toMatchObject({ status: 'active' });
    await expect(flaky.verify(request())).rejects.toBeInstanceOf(CoverageVerifierUnavailableError);
    expect(flaky.calls()).toBe(2);
  });
});
