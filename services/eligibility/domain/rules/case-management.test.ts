import { describe, expect, it } from 'vitest';
import { codes, context, coverage, referral, TODAY } from '../../testing/referral-fixtures';
import type { ReferralFacts } from '../referral-facts';
import { evaluateCaseManagement } from './case-management';

const highUtilizer = (admissions6m: number, edVisits6m: number, overrides: Partial<ReferralFacts> = {}) =>
  referral({
    reason: { type: 'high-utilizer' },
    diagnoses: [{ code: 'E11.9' }],
    utilization: { admissions6m, edVisits6m },
    ...overrides,
  });

const medicaid = (authorization: ReferralFacts['authorization']) =>
  highUtilizer(2, 0, {
    coverage: { payerId: 'MCD', planType: 'medicaid', startDate: '2024-01-01' },
    ...(authorization ? { authorization } : {}),
  });

describe('evaluateCaseManagement: utilization', () => {
  it.each([
    [2, 0, 'eligible', true],
    [1, 0, 'ineligible', false],
    [0, 3, 'eligible', true],
    [0, 2, 'ineligible', false],
    [1, 2, 'ineligible', false],
  ])('%i admissions and %i ED visits -> %s', (admissions, ed, status, met) => {
    const result = evaluateCaseManagement(highUtilizer(admissions, ed), context());
    expect(result.status).toBe(status);
    expect(result.utilizationThresholdMet).toBe(met);
    expect(codes(result)).toContain(met ? 'UTILIZATION_THRESHOLD_MET' : 'UTILIZATION_BELOW_THRESHOLD');
  });

  it('uses tenant thresholds', () => {
    const base = context();
    const ctx = context({
      policy: {
        ...base.policy,
        caseManagement: { ...base.policy.caseManagement, minAdmissions6m: 1, minEdVisits6m: 5 },
      },
    });
    expect(evaluateCaseManagement(highUtilizer(1, 0), ctx).status).toBe('eligible');
    expect(evaluateCaseManagement(highUtilizer(0, 4), ctx).status).toBe('ineligible');
  });
});

describe('evaluateCaseManagement: acute need', () => {
  it.each([
    ['acute-event', [], 'eligible', 'ACUTE_EVENT'],
    ['post-discharge', [], 'eligible', 'ACUTE_EVENT'],
    ['behavioral-health', [], 'ineligible', 'UTILIZATION_BELOW_THRESHOLD'],
    ['chronic-care', [], 'ineligible', 'NO_ACUTE_NEED'],
    ['chronic-care', ['I63.9'], 'eligible', 'ACUTE_EVENT'],
    ['other', ['S72.001A'], 'eligible', 'ACUTE_EVENT'],
    ['other', ['I21.4'], 'eligible', 'ACUTE_NEED'],
  ] as const)('%s reason with %j diagnoses and no utilization -> %s', (type, dx, status, code) => {
    const facts = highUtilizer(0, 0, { reason: { type }, diagnoses: dx.map((c) => ({ code: c })) });
    const result = evaluateCaseManagement(facts, context());
    expect(result.status).toBe(status);
    expect(codes(result)).toContain(code);
  });

  it('lists each acute event once', () => {
    const facts = highUtilizer(0, 0, {
      diagnoses: [{ code: 'I63.9' }, { code: 'I63.50' }, { code: 'I21.4' }],
    });
    expect(evaluateCaseManagement(facts, context()).acuteEvents).toEqual(['stroke', 'myocardial-infarction']);
  });
});

describe('evaluateCaseManagement: authorization', () => {
  it.each([
    [undefined, 'needs-information', 'AUTHORIZATION_MISSING'],
    [
      { authorizedUnits: 10, fundingSource: 'MCO', validUntil: '2025-06-15' },
      'needs-information',
      'AUTHORIZATION_EXPIRED',
    ],
    [{ authorizedUnits: 10, fundingSource: 'MCO', validUntil: TODAY }, 'eligible', 'AUTHORIZATION_VALID'],
    [
      { authorizedUnits: 0, fundingSource: 'MCO', validUntil: '2025-12-31' },
      'needs-information',
      'AUTHORIZATION_NO_UNITS',
    ],
  ])('medicaid plan with authorization %j -> %s', (authorization, status, code) => {
    const result = evaluateCaseManagement(
      medicaid(authorization),
      context({ coverage: coverage('active', 'medicaid') }),
    );
    expect(result.authorizationRequired).toBe(true);
    expect(result.status).toBe(status);
    expect(codes(result)).toContain(code);
  });

  it('does not require authorization for Medicare plans by default', () => {
    const result = evaluateCaseManagement(highUtilizer(2, 0), context());
    expect(result).toMatchObject({ status: 'eligible', authorizationRequired: false });
    expect(codes(result).some((code) => code.startsWith('AUTHORIZATION'))).toBe(false);
  });

  it('uses the payer-reported plan type when coverage is confirmed', () => {
    const result = evaluateCaseManagement(
      highUtilizer(2, 0),
      context({ coverage: coverage('active', 'commercial') }),
    );
    expect(result.authorizationRequired).toBe(true);
    expect(codes(result)).toContain('AUTHORIZATION_MISSING');
  });

  it('asks for information when coverage is unknown', () => {
    const result = evaluateCaseManagement(highUtilizer(2, 0), context({ coverage: coverage('unknown') }));
    expect(result.status).toBe('needs-information');
    expect(codes(result)).toContain('COVERAGE_UNVERIFIED');
  });
});
