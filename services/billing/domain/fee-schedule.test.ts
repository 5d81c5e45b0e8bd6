import { describe, expect, it } from 'vitest';
import { BILLABLE_CODES } from './codes';
import {
  CONVERSION_FACTOR_2026,
  expectedRevenue,
  expectedRevenueCents,
  feeCents,
  NON_FACILITY_RVUS_2026,
} from './fee-schedule';

describe('fee schedule', () => {
  it('knows a fee for every code the rules can emit', () => {
    for (const code of BILLABLE_CODES) expect(feeCents(code)).toBeGreaterThan(0);
  });

  it('derives each fee from RVUs and the conversion factor, rounded to the cent', () => {
    expect(feeCents('99490')).toBe(
      Math.round(NON_FACILITY_RVUS_2026['99490'] * CONVERSION_FACTOR_2026 * 100),
    );
    expect(Number.isInteger(feeCents('99439'))).toBe(true);
  });

  it.each([
    [[], 0],
    [[{ code: '99490', units: 1 }], feeCents('99490')],
    [
      [
        { code: '99490', units: 1 },
        { code: '99439', units: 2 },
      ],
      feeCents('99490') + 2 * feeCents('99439'),
    ],
  ])('sums lines times units (%#)', (lines, cents) => {
    expect(expectedRevenueCents(lines)).toBe(cents);
    expect(expectedRevenue(lines)).toBeCloseTo(cents / 100, 10);
  });

  it('ranks the complex add-on above the non-complex one, as the option choice relies on', () => {
    expect(feeCents('99489')).toBeGreaterThan(feeCents('99439'));
    expect(feeCents('99487')).toBeLessThan(feeCents('99490') + 2 * feeCents('99439'));
  });

  it('refuses codes it has no fee for', () => {
    expect(() => feeCents('99457')).toThrow(RangeError);
    expect(feeCents('G0558')).toBeGreaterThan(feeCents('G0557'));
    expect(feeCents('99496')).toBeGreaterThan(feeCents('99495'));
  });
});
