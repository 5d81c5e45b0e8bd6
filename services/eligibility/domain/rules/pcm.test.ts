import { describe, expect, it } from 'vitest';
import { codes, context, coverage, referral } from '../../testing/referral-fixtures';
import { evaluatePcm } from './pcm';

describe('evaluatePcm', () => {
  it.each([
    [['I50.22'], 'eligible', ['heart-failure']],
    [['C34.90'], 'eligible', ['cancer-lung']],
    [['I10'], 'ineligible', []],
    [['E78.5', 'M81.0'], 'ineligible', []],
    [['I10', 'E11.9', 'E11.65'], 'eligible', ['diabetes']],
    [['J06.9'], 'ineligible', []],
  ])('%j -> %s with complex categories %j', (dx, status, complex) => {
    const result = evaluatePcm(referral({ diagnoses: dx.map((code) => ({ code })) }), context());
    expect(result.status).toBe(status);
    expect(result.complexConditionCategories).toEqual(complex);
    expect(codes(result)).toContain(status === 'eligible' ? 'COMPLEX_CONDITION_MET' : 'NO_COMPLEX_CONDITION');
  });

  it.each([
    ['unknown', 'medicare', 'needs-information', 'COVERAGE_UNVERIFIED'],
    ['inactive', 'medicare', 'ineligible', 'COVERAGE_INACTIVE'],
    ['active', 'commercial', 'ineligible', 'PLAN_TYPE_NOT_ELIGIBLE'],
  ] as const)('%s %s coverage -> %s', (status, planType, expected, code) => {
    const result = evaluatePcm(referral(), context({ coverage: coverage(status, planType) }));
    expect(result.status).toBe(expected);
    expect(codes(result)).toContain(code);
  });

  it('requires consent and an initiating visit like CCM', () => {
    const result = evaluatePcm(referral({ attributedPractitioner: undefined }), context());
    expect(result).toMatchObject({
      status: 'eligible',
      consentRequired: true,
      initiatingVisitRequired: true,
    });
  });
});
