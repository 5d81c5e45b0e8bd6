import { describe, expect, it } from 'vitest';
import { codes, context, coverage, referral } from '../../testing/referral-fixtures';
import type { ReferralFacts } from '../referral-facts';
import { evaluateTcm } from './tcm';

const discharged = (
  dischargeDate: string | undefined,
  type?: 'inpatient' | 'observation' | 'snf' | 'partial-hospitalization',
) =>
  referral({
    reason: {
      type: 'post-discharge',
      ...(dischargeDate ? { dischargeDate } : {}),
      ...(type ? { dischargeFacility: { type } } : {}),
    },
  });

describe('evaluateTcm: discharge window', () => {
  it.each([
    ['2025-06-16', 0, 'eligible', 'DISCHARGE_WITHIN_WINDOW'],
    ['2025-06-02', 14, 'eligible', 'DISCHARGE_WITHIN_WINDOW'],
    ['2025-06-01', 15, 'ineligible', 'FACE_TO_FACE_WINDOW_PASSED'],
    ['2025-05-18', 29, 'ineligible', 'FACE_TO_FACE_WINDOW_PASSED'],
    ['2025-05-17', 30, 'ineligible', 'DISCHARGE_WINDOW_EXPIRED'],
    ['2025-05-16', 31, 'ineligible', 'DISCHARGE_WINDOW_EXPIRED'],
    ['2025-06-17', -1, 'needs-information', 'DISCHARGE_DATE_IN_FUTURE'],
  ])('discharged %s (%i days ago) -> %s', (date, days, status, code) => {
    const result = evaluateTcm(discharged(date, 'inpatient'), context());
    expect(result.status).toBe(status);
    expect(result.daysSinceDischarge).toBe(days);
    expect(codes(result)).toContain(code);
  });

  it.each(['inpatient', 'observation', 'snf', 'partial-hospitalization'] as const)(
    'accepts %s discharges',
    (type) => {
      expect(evaluateTcm(discharged('2025-06-10', type), context()).status).toBe('eligible');
    },
  );

  it.each([
    ['home', 'eligible'],
    ['assisted-living', 'eligible'],
    ['domiciliary', 'eligible'],
    ['skilled-nursing', 'ineligible'],
    ['hospice', 'ineligible'],
  ] as const)('a discharge to %s is %s', (dischargeDestination, status) => {
    const facts = referral({
      reason: {
        type: 'post-discharge',
        dischargeDate: '2025-06-10',
        dischargeFacility: { type: 'inpatient' },
        dischargeDestination,
      },
    });
    const result = evaluateTcm(facts, context());
    expect(result.status).toBe(status);
    if (status === 'ineligible') expect(codes(result)).toContain('NOT_COMMUNITY_SETTING');
  });

  it('rejects facility types a tenant excluded', () => {
    const base = context();
    const ctx = context({
      policy: { ...base.policy, tcm: { ...base.policy.tcm, eligibleFacilityTypes: ['inpatient'] } },
    });
    const result = evaluateTcm(discharged('2025-06-10', 'snf'), ctx);
    expect(result.status).toBe('ineligible');
    expect(codes(result)).toContain('FACILITY_TYPE_NOT_ELIGIBLE');
  });

  it.each([
    [discharged(undefined, 'inpatient'), 'DISCHARGE_DATE_MISSING'],
    [discharged('2025-06-10'), 'DISCHARGE_FACILITY_MISSING'],
  ])('asks for missing discharge details (%#)', (facts, code) => {
    const result = evaluateTcm(facts, context());
    expect(result.status).toBe('needs-information');
    expect(codes(result)).toContain(code);
  });

  it.each<ReferralFacts['reason']['type']>(['chronic-care', 'acute-event', 'high-utilizer', 'other'])(
    'is ineligible for %s referrals',
    (type) => {
      const result = evaluateTcm(referral({ reason: { type, dischargeDate: '2025-06-10' } }), context());
      expect(result.status).toBe('ineligible');
      expect(codes(result)).toContain('NOT_POST_DISCHARGE');
    },
  );

  it('asks for information when coverage is unknown', () => {
    const result = evaluateTcm(
      discharged('2025-06-10', 'inpatient'),
      context({ coverage: coverage('unknown') }),
    );
    expect(result.status).toBe('needs-information');
    expect(codes(result)).toContain('COVERAGE_UNVERIFIED');
  });
});

describe('evaluateTcm: deadlines', () => {
  it.each([
    ['2025-06-10', '2025-06-12', '2025-06-17', '2025-06-24', 'Tuesday discharge'],
    ['2025-06-13', '2025-06-17', '2025-06-20', '2025-06-27', 'Friday discharge skips the weekend'],
    ['2025-07-03', '2025-07-08', '2025-07-10', '2025-07-17', 'Independence Day inside the window'],
    ['2025-06-18', '2025-06-23', '2025-06-25', '2025-07-02', 'Juneteenth inside the window'],
    ['2025-11-26', '2025-12-01', '2025-12-03', '2025-12-10', 'Thanksgiving inside the window'],
  ])('discharge %s -> contact by %s, face-to-face by %s / %s (%s)', (date, contact, high, moderate) => {
    const result = evaluateTcm(discharged(date, 'inpatient'), context({ today: date }));
    expect(result).toMatchObject({
      dischargeDate: date,
      interactiveContactDue: contact,
      faceToFaceDueHighComplexity: high,
      faceToFaceDueModerateComplexity: moderate,
    });
  });

  it('notes when the interactive contact deadline has already passed', () => {
    const result = evaluateTcm(discharged('2025-06-10', 'inpatient'), context({ today: '2025-06-13' }));
    expect(result.status).toBe('eligible');
    expect(codes(result)).toContain('INTERACTIVE_CONTACT_WINDOW_PASSED');
    const onTime = evaluateTcm(discharged('2025-06-10', 'inpatient'), context({ today: '2025-06-12' }));
    expect(codes(onTime)).not.toContain('INTERACTIVE_CONTACT_WINDOW_PASSED');
  });
});
