import { describe, expect, it } from 'vitest';
import { codes, context, coverage, NPI_A, NPI_B, referral, TODAY } from '../../testing/referral-fixtures';
import type { ConsentRecord } from '../consent';
import { evaluateCcm } from './ccm';

const consentFor = (npi: string): ConsentRecord => ({
  consentId: 'c-1',
  patientId: 'p-1',
  program: 'ccm',
  method: 'verbal',
  obtainedAt: '2025-06-01T15:00:00Z',
  obtainedBy: 'staff-1',
  billingPractitionerId: npi,
  discussed: { rightToStopAnyTime: true, onlyOnePractitionerBillsPerMonth: true, costSharingExplained: true },
});

describe('evaluateCcm: chronic conditions', () => {
  it.each([
    [['E11.9', 'I10'], 'eligible', ['diabetes', 'hypertension']],
    [['E11.9'], 'ineligible', ['diabetes']],
    [['E11.9', 'E11.65', 'E10.9'], 'ineligible', ['diabetes']],
    [['I11.0'], 'eligible', ['hypertension', 'heart-failure']],
    [['J06.9', 'E11.9'], 'ineligible', ['diabetes']],
    [[], 'ineligible', []],
  ])('%j -> %s with categories %j', (dx, status, categories) => {
    const result = evaluateCcm(referral({ diagnoses: dx.map((code) => ({ code })) }), context());
    expect(result.status).toBe(status);
    expect(result.conditionCategories).toEqual(categories);
    expect(codes(result)).toContain(
      status === 'eligible' ? 'CHRONIC_CONDITIONS_MET' : 'INSUFFICIENT_CHRONIC_CONDITIONS',
    );
  });

  it('honours a stricter tenant minimum', () => {
    const ctx = context({
      policy: { ...context().policy, ccm: { ...context().policy.ccm, minConditionCategories: 3 } },
    });
    expect(evaluateCcm(referral(), ctx).status).toBe('ineligible');
  });
});

describe('evaluateCcm: initiating visit', () => {
  it.each([
    ['2024-06-16', false, 'RECENT_VISIT', 'seen exactly 12 months ago'],
    ['2024-06-15', true, 'INITIATING_VISIT_REQUIRED', 'seen 12 months and 1 day ago'],
    [TODAY, false, 'RECENT_VISIT', 'seen today'],
  ])('last visit %s -> initiatingVisitRequired %s (%s)', (lastVisitDate, required, code) => {
    const result = evaluateCcm(
      referral({ attributedPractitioner: { npi: NPI_A, lastVisitDate } }),
      context(),
    );
    expect(result.status).toBe('eligible');
    expect(result.initiatingVisitRequired).toBe(required);
    expect(codes(result)).toContain(code);
  });

  it('requires an initiating visit when there is no practitioner or visit on record', () => {
    for (const attributedPractitioner of [undefined, { npi: NPI_A }]) {
      const result = evaluateCcm(referral({ attributedPractitioner }), context());
      expect(result).toMatchObject({ status: 'eligible', initiatingVisitRequired: true });
    }
  });

  it.each([
    ['2024-02-29', '2025-02-28', false],
    ['2024-02-29', '2025-03-01', true],
    ['2024-03-31', '2025-03-31', false],
  ])(
    'last visit %s, today %s -> initiatingVisitRequired %s (leap day and month ends)',
    (lastVisitDate, today, required) => {
      const result = evaluateCcm(
        referral({ attributedPractitioner: { npi: NPI_A, lastVisitDate } }),
        context({ today }),
      );
      expect(result.initiatingVisitRequired).toBe(required);
    },
  );

  it('asks for information when the last visit is after the determination date', () => {
    const result = evaluateCcm(
      referral({ attributedPractitioner: { npi: NPI_A, lastVisitDate: '2025-06-17' } }),
      context(),
    );
    expect(result.status).toBe('needs-information');
    expect(codes(result)).toContain('VISIT_DATE_IN_FUTURE');
  });
});

describe('evaluateCcm: coverage', () => {
  it.each([
    ['active', 'medicare', 'eligible', 'COVERAGE_ACTIVE'],
    ['active', 'medicare-advantage', 'eligible', 'COVERAGE_ACTIVE'],
    ['active', 'dual', 'eligible', 'COVERAGE_ACTIVE'],
    ['unknown', 'medicare', 'needs-information', 'COVERAGE_UNVERIFIED'],
    ['inactive', 'medicare', 'ineligible', 'COVERAGE_INACTIVE'],
    ['active', 'medicaid', 'ineligible', 'PLAN_TYPE_NOT_ELIGIBLE'],
    ['active', 'commercial', 'ineligible', 'PLAN_TYPE_NOT_ELIGIBLE'],
  ] as const)('%s %s coverage -> %s (%s)', (status, planType, expected, code) => {
    const result = evaluateCcm(referral(), context({ coverage: coverage(status, planType) }));
    expect(result.status).toBe(expected);
    expect(codes(result)).toContain(code);
  });

  it('stays ineligible when conditions fail even if coverage is unknown', () => {
    const result = evaluateCcm(
      referral({ diagnoses: [{ code: 'E11.9' }] }),
      context({ coverage: coverage('unknown') }),
    );
    expect(result.status).toBe('ineligible');
    expect(codes(result)).toEqual(
      expect.arrayContaining(['INSUFFICIENT_CHRONIC_CONDITIONS', 'COVERAGE_UNVERIFIED']),
    );
  });

  it.each<[{ startDate: string; endDate?: string }, string]>([
    [{ startDate: '2025-06-17' }, 'coverage starting tomorrow'],
    [{ startDate: '2020-01-01', endDate: '2025-06-15' }, 'coverage that ended yesterday'],
  ])('asks for information when the payer says active but the referral shows %j (%s)', (dates) => {
    const result = evaluateCcm(
      referral({ coverage: { payerId: 'P', planType: 'medicare', ...dates } }),
      context(),
    );
    expect(result.status).toBe('needs-information');
    expect(codes(result)).toContain('COVERAGE_DATES_CONFLICT');
  });

  it('accepts coverage ending today', () => {
    const facts = referral({
      coverage: { payerId: 'P', planType: 'medicare', startDate: '2020-01-01', endDate: TODAY },
    });
    expect(evaluateCcm(facts, context()).status).toBe('eligible');
  });
});

describe('evaluateCcm: consent', () => {
  it('keeps consent required until it is recorded', () => {
    expect(evaluateCcm(referral(), context()).consentRequired).toBe(true);
    expect(evaluateCcm(referral(), context()).status).toBe('eligible');
  });

  it.each([
    [NPI_A, false, 'CONSENT_ON_FILE'],
    [NPI_B, true, 'CONSENT_REQUIRED'],
  ])('consent given to %s -> consentRequired %s', (npi, required, code) => {
    const result = evaluateCcm(
      referral(),
      context({ consent: { records: [consentFor(npi)], at: '2025-06-16T12:00:00Z' } }),
    );
    expect(result.consentRequired).toBe(required);
    expect(codes(result)).toContain(code);
  });
});
