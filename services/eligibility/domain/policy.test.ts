import { InvalidInputError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from './policy';

describe('resolvePolicy', () => {
  it('fills every threshold with the CMS-aligned defaults', () => {
    const policy = resolvePolicy();
    expect(policy.ccm).toMatchObject({ minConditionCategories: 2, initiatingVisitLookbackMonths: 12 });
    expect(policy.ccm.eligiblePlanTypes).toEqual(['medicare', 'medicare-advantage', 'dual']);
    expect(policy.pcm.minExpectedDurationMonths).toBe(3);
    expect(policy.tcm).toMatchObject({ dischargeWindowDays: 30, interactiveContactBusinessDays: 2 });
    expect(policy.caseManagement).toMatchObject({
      minAdmissions6m: 2,
      minEdVisits6m: 3,
      authorizationRequiredFor: ['medicaid', 'commercial'],
    });
  });

  it('keeps defaults next to a partial override', () => {
    const policy = resolvePolicy({ caseManagement: { minEdVisits6m: 4 } });
    expect(policy.caseManagement.minEdVisits6m).toBe(4);
    expect(policy.caseManagement.minAdmissions6m).toBe(2);
    expect(policy.ccm.minConditionCategories).toBe(2);
  });

  it.each([
    [{ ccm: { minConditionCategories: 1 } }, 'ccm.minConditionCategories'],
    [{ ccm: { initiatingVisitLookbackMonths: 18 } }, 'ccm.initiatingVisitLookbackMonths'],
    [{ tcm: { dischargeWindowDays: 45 } }, 'tcm.dischargeWindowDays'],
    [{ caseManagement: { minAdmissions6m: 1.5 } }, 'caseManagement.minAdmissions6m'],
  ])('refuses overrides looser than the rules allow: %j', (overrides, path) => {
    try {
      resolvePolicy(overrides);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields.map((field) => field.path)).toEqual([path]);
    }
  });
});
