import { describe, expect, it } from 'vitest';
import { emptyPatientFacts, type PatientFacts } from './patient-facts';
import { buildTcmInput } from './tcm-input';

const facts = (overrides: Partial<PatientFacts> = {}, destination?: string): PatientFacts => ({
  ...emptyPatientFacts(),
  eligibility: {
    determinationVersion: 1,
    conditionCategories: ['heart-failure'],
    complexConditionForPcm: false,
    tcm: { dischargeDate: '2026-10-29', facilityType: 'snf', ...(destination ? { destination } : {}) },
  },
  ...overrides,
});
const visit = (at: string) => ({
  visitId: at,
  practitionerNpi: '1234567893',
  kind: 'tcm-face-to-face' as const,
  at,
});
const build = (month: string, f: PatientFacts) =>
  buildTcmInput({ month, timeZone: 'America/New_York', facts: f, medicalDecisionMaking: 'moderate' });

describe('the TCM input of a run', () => {
  it('belongs to the month of the face-to-face visit, not the discharge', () => {
    const visited = facts({ visits: [visit('2026-11-03T15:00:00Z')] });
    expect(build('2026-10', visited)).toBeUndefined();
    expect(build('2026-11', visited)).toMatchObject({
      faceToFaceVisitAt: '2026-11-03T15:00:00Z',
      discharge: { at: '2026-10-29T04:00:00Z', from: 'skilled-nursing', to: 'home' },
    });
  });

  it('without a visit, belongs to the discharge month so the audit says what is missing', () => {
    expect(build('2026-10', facts())).toMatchObject({ faceToFaceVisitAt: null });
    expect(build('2026-11', facts())).toBeUndefined();
  });

  it('takes the discharge destination the referral gave, and ignores visits outside the period', () => {
    const late = facts({ visits: [visit('2026-12-15T15:00:00Z')] }, 'hospice');
    expect(build('2026-10', late)).toMatchObject({ faceToFaceVisitAt: null, discharge: { to: 'hospice' } });
  });

  it('is absent without a TCM discharge', () => {
    expect(build('2026-10', emptyPatientFacts())).toBeUndefined();
  });
});
