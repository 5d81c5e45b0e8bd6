import { EligibilityDeterminedV1, ReferralReceivedV1 } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { type ConsentRecord, resolvePolicy } from '../domain';
import { coverage, NPI_A, NPI_B, referral } from '../testing/referral-fixtures';
import { determinedEventData, evaluateReferral, localDate, sameOutcome } from './evaluation';
import { referralInputOf } from './referral-input';

const AT = '2025-06-16T15:00:00Z';
const base = {
  facts: referral(),
  coverage: coverage(),
  policy: resolvePolicy(),
  consents: [],
  at: AT,
  timeZone: 'America/New_York',
};
const consent = (npi: string): ConsentRecord => ({
  consentId: 'c-1',
  patientId: 'p-1',
  program: 'ccm',
  method: 'verbal',
  obtainedAt: '2025-06-16T14:00:00Z',
  obtainedBy: 'staff-1',
  billingPractitionerId: npi,
  discussed: { rightToStopAnyTime: true, onlyOnePractitionerBillsPerMonth: true, costSharingExplained: true },
});

describe('localDate', () => {
  it('counts the determination date in the practice zone, not UTC', () => {
    expect(localDate('2025-06-17T03:30:00Z', 'America/New_York')).toBe('2025-06-16');
    expect(localDate('2025-06-17T03:30:00Z', 'UTC')).toBe('2025-06-17');
  });
});

describe('evaluateReferral', () => {
  it('reports every program with TCM deadlines, condition categories and the complex condition flag', () => {
    const view = evaluateReferral(base);
    expect(view.programs.map((p) => p.program)).toEqual(['case-management', 'ccm', 'pcm', 'tcm']);
    expect(view.programs.find((p) => p.program === 'tcm')?.tcm).toEqual({
      dischargeDate: '2025-06-10',
      interactiveContactDue: '2025-06-12',
      faceToFaceDueHighComplexity: '2025-06-17',
      faceToFaceDueModerateComplexity: '2025-06-24',
      dischargeFacilityType: 'inpatient',
    });
    expect(view.conditionCategories).toEqual(['diabetes', 'heart-failure']);
    expect(view.complexConditionForPcm).toBe(true);
    expect(view.programs.find((p) => p.program === 'case-management')?.authorizationRequired).toBe(false);
  });

  it("screens a referral without a practitioner against the practice's billing practitioner", () => {
    const facts = referral({ attributedPractitioner: undefined });
    const withDefault = evaluateReferral({
      ...base,
      facts,
      consents: [consent(NPI_A)],
      defaultBillingNpi: NPI_A,
    });
    expect(withDefault.programs.find((p) => p.program === 'ccm')?.consentRequired).toBe(false);
    const withoutDefault = evaluateReferral({ ...base, facts, consents: [consent(NPI_A)] });
    expect(withoutDefault.programs.find((p) => p.program === 'ccm')?.consentRequired).toBe(true);
  });

  it('does not count consent given to another billing practitioner', () => {
    const view = evaluateReferral({ ...base, consents: [consent(NPI_B)] });
    expect(view.programs.find((p) => p.program === 'ccm')?.consentRequired).toBe(true);
  });
});

describe('sameOutcome', () => {
  it('ignores the date but notices a consent change', () => {
    const before = evaluateReferral(base);
    expect(sameOutcome(before, evaluateReferral({ ...base, at: '2025-06-16T16:00:00Z' }))).toBe(true);
    expect(sameOutcome(before, evaluateReferral({ ...base, consents: [consent(NPI_A)] }))).toBe(false);
  });
});

describe('determinedEventData', () => {
  it('builds a valid EligibilityDetermined with reason codes only and no member id', () => {
    const input = referralInputOf(ReferralReceivedV1.data.parse(ReferralReceivedV1.example), 1);
    const view = evaluateReferral({ ...base, facts: input.facts });
    const data = EligibilityDeterminedV1.data.parse(determinedEventData(input, 3, view));
    expect(data).toMatchObject({
      determinationVersion: 3,
      coverageStatus: 'active',
      determinedOn: '2025-06-16',
    });
    expect(data.programs.every((p) => p.reasons.every((code) => /^[A-Z_]+$/.test(code)))).toBe(true);
    expect(JSON.stringify(data)).not.toContain(ReferralReceivedV1.example.coverage.memberId);
  });
});

describe('referralInputOf', () => {
  it('keeps the facts the rules read and the member id for coverage checks only', () => {
    const data = ReferralReceivedV1.data.parse({
      ...ReferralReceivedV1.example,
      reason: { type: 'post-discharge', dischargeDate: '2026-06-12', dischargeFacilityType: 'snf' },
    });
    const input = referralInputOf(data, 4);
    expect(input).toMatchObject({ sourceVersion: 4, memberId: 'M-1001', practiceId: 'practice-boston' });
    expect(input.facts.reason).toEqual({
      type: 'post-discharge',
      dischargeDate: '2026-06-12',
      dischargeFacility: { type: 'snf' },
    });
    expect(input.facts.diagnoses.map((d) => d.code)).toEqual(['E11.9', 'I50.22', 'N18.3']);
    expect(JSON.stringify(input.facts)).not.toContain('M-1001');
  });
});
