import { describe, expect, it } from 'vitest';
import { type NetworkAgreement, type RoutingFacts, routeReferral } from './routing';

const agreement = (
  overrides: Partial<NetworkAgreement> & Pick<NetworkAgreement, 'agreementId' | 'practiceId'>,
): NetworkAgreement => ({
  partnerId: 'harbor-health',
  tenantId: 'acme-health',
  programs: ['ccm', 'tcm'],
  effectiveFrom: '2026-01-01',
  routing: { default: true },
  status: 'active',
  version: 1,
  ...overrides,
});

const facts: RoutingFacts = {
  requestedPrograms: ['ccm'],
  attributedNpi: undefined,
  state: 'MA',
  postalCode: '02108',
  today: '2026-11-02',
};

const cambridge = agreement({ agreementId: '01A', practiceId: 'practice-cambridge' });
const denver = agreement({
  agreementId: '01B',
  practiceId: 'practice-denver',
  tenantId: 'bluepeak-health',
  routing: { states: ['CO'] },
});
const boston = agreement({
  agreementId: '01C',
  practiceId: 'practice-boston',
  routing: { attributedNpis: ['1234567893'], zip3: ['021'] },
});

describe('routeReferral', () => {
  it('sends a member whose attributed PCP is in network to that practice, before any area rule', () => {
    const route = routeReferral([cambridge, denver, boston], {
      ...facts,
      attributedNpi: '1234567893',
      state: 'CO',
    });
    expect(route).toEqual({
      agreementId: '01C',
      practiceId: 'practice-boston',
      tenantId: 'acme-health',
      rule: 'attributed-npi',
    });
  });

  it('prefers the ZIP3 rule to the state rule, and the state rule to the default', () => {
    expect(routeReferral([cambridge, denver, boston], facts)?.rule).toBe('zip3');
    expect(routeReferral([cambridge, denver], { ...facts, state: 'CO', postalCode: '80202' })).toMatchObject({
      practiceId: 'practice-denver',
      tenantId: 'bluepeak-health',
      rule: 'state',
    });
    expect(routeReferral([cambridge, denver], { ...facts, postalCode: '01002' })).toMatchObject({
      practiceId: 'practice-cambridge',
      rule: 'default',
    });
  });

  it('ignores agreements not yet in force, ended, ended by date, or without a requested program', () => {
    const candidates = [
      agreement({ agreementId: '01D', practiceId: 'p-future', effectiveFrom: '2027-01-01' }),
      agreement({ agreementId: '01E', practiceId: 'p-ended', status: 'ended' }),
      agreement({ agreementId: '01F', practiceId: 'p-lapsed', effectiveTo: '2026-11-01' }),
      agreement({ agreementId: '01G', practiceId: 'p-tcm-only', programs: ['tcm'] }),
    ];
    expect(routeReferral(candidates, facts)).toBeUndefined();
    expect(routeReferral(candidates, { ...facts, requestedPrograms: ['tcm'] })?.practiceId).toBe(
      'p-tcm-only',
    );
    expect(
      routeReferral(
        [agreement({ agreementId: '01H', practiceId: 'p-last-day', effectiveTo: '2026-11-02' })],
        facts,
      )?.practiceId,
    ).toBe('p-last-day');
  });

  it('breaks ties by the oldest agreement, whatever order they are read in', () => {
    const older = agreement({ agreementId: '01A', practiceId: 'first' });
    const newer = agreement({ agreementId: '01Z', practiceId: 'second' });
    expect(routeReferral([newer, older], facts)?.practiceId).toBe('first');
    expect(routeReferral([older, newer], facts)?.practiceId).toBe('first');
  });

  it('finds no practice for a partner without agreements', () => {
    expect(routeReferral([], facts)).toBeUndefined();
  });
});
