import { describe, expect, it } from 'vitest';
import type { CoverageRequest } from '../domain/coverage';
import { createConventionCoverageVerifier } from './convention-coverage-verifier';

const request = (memberRef: string): CoverageRequest => ({
  tenantId: 'acme-health',
  payerId: 'acme-ma',
  planType: 'medicare',
  memberRef,
  onDate: '2026-10-02',
});

describe('convention coverage verifier', () => {
  const now = () => '2026-10-02T14:00:00Z';

  it.each([
    ['M-1001', 'active'],
    ['UNKNOWN-1', 'unknown'],
    ['INACTIVE-7', 'inactive'],
  ])('member %s -> %s', async (memberRef, status) => {
    const verifier = createConventionCoverageVerifier({ now });
    expect((await verifier.verify(request(memberRef))).status).toBe(status);
  });

  it('fails every call while the outage switch is on and answers again once it is off', async () => {
    let outage = true;
    const verifier = createConventionCoverageVerifier({ now, outage: () => outage });
    await expect(verifier.verify(request('M-1'))).rejects.toThrow('unavailable');
    outage = false;
    expect((await verifier.verify(request('M-1'))).status).toBe('active');
  });
});
