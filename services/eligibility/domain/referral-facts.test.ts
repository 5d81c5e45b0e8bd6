import { InvalidInputError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { referral } from '../testing/referral-fixtures';
import { parseReferralFacts } from './referral-facts';

describe('parseReferralFacts', () => {
  it('accepts a complete referral', () => {
    expect(parseReferralFacts(referral())).toEqual(referral());
  });

  it('drops identifying fields the rules do not need', () => {
    const parsed = parseReferralFacts({
      ...referral(),
      patient: { firstName: 'Ann', phone: '555-0100' },
      memberId: 'M1',
    });
    expect(parsed).not.toHaveProperty('patient');
    expect(parsed).not.toHaveProperty('memberId');
  });

  it.each([
    [{ diagnoses: [{ code: 'E11-9' }] }, 'diagnoses.0.code'],
    [{ attributedPractitioner: { npi: '1234567890' } }, 'attributedPractitioner.npi'],
    [{ utilization: { admissions6m: -1, edVisits6m: 0 } }, 'utilization.admissions6m'],
    [{ reason: { type: 'post-discharge', dischargeDate: '2025-02-30' } }, 'reason.dischargeDate'],
    [{ requestedPrograms: ['home-health'] }, 'requestedPrograms.0'],
  ])('rejects %j at %s without echoing the value', (overrides, path) => {
    try {
      parseReferralFacts({ ...referral(), ...overrides });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields.map((field) => field.path)).toContain(path);
      expect((error as Error).message).not.toMatch(/E11-9|1234567890|2025-02-30/);
    }
  });
});
