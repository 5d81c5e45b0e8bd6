import { describe, expect, it } from 'vitest';
import { BILLABLE_CODES } from './codes';
import { GpciFile, gpcis, RvuFile, rvus } from './fee-data';
import {
  expectedRevenue,
  expectedRevenueCents,
  feeBasisOf,
  feeCents,
  isFacility,
  localityOf,
  NATIONAL,
} from './fee-schedule';

const boston = feeBasisOf({ locality: { carrier: '14212', locality: '01' }, placeOfService: '11' });

describe('fee schedule', () => {
  it('ships RVUs for every code the rules can emit, and each has a positive fee', () => {
    for (const code of BILLABLE_CODES) expect(feeCents(code)).toBeGreaterThan(0);
  });

  it('prices a code nationally as (work + PE + MP RVUs) × the conversion factor', () => {
    // 99490: 1.00 + 0.91 + 0.07 RVUs × 33.4009 = $66.13
    expect(feeCents('99490', NATIONAL)).toBe(6613);
  });

  it('applies the GPCIs of the practice locality to each component', () => {
    // Metropolitan Boston: (1.00 × 1.035 + 0.91 × 1.302 + 0.07 × 0.802) × 33.4009 = $76.02
    expect(boston.locality?.name).toBe('METROPOLITAN BOSTON');
    expect(feeCents('99490', boston)).toBe(7602);
    // 99439: (0.70 × 1.035 + 0.69 × 1.302 + 0.05 × 0.802) × 33.4009 = $55.55
    expect(feeCents('99439', boston)).toBe(5555);
  });

  it('pays the facility practice expense where the place of service is a facility', () => {
    const hospitalOutpatient = feeBasisOf({
      locality: { carrier: '14212', locality: '01' },
      placeOfService: '22',
    });
    expect(hospitalOutpatient.facility).toBe(true);
    expect(feeCents('99490', hospitalOutpatient)).toBe(5428);
    expect(isFacility('11')).toBe(false);
    expect(isFacility('19')).toBe(true);
  });

  it('falls back to national GPCIs for a locality the shipped file does not have', () => {
    expect(localityOf({ carrier: '99999', locality: '01' })).toBeUndefined();
    const unknown = feeBasisOf({ locality: { carrier: '99999', locality: '01' }, placeOfService: '11' });
    expect(feeCents('99490', unknown)).toBe(feeCents('99490', NATIONAL));
  });

  it('sums the expected revenue of lines in integer cents', () => {
    const lines = [
      { code: '99490', units: 1 },
      { code: '99439', units: 2 },
    ];
    expect(expectedRevenueCents(lines, boston)).toBe(7602 + 2 * 5555);
    expect(expectedRevenue(lines, boston)).toBeCloseTo((7602 + 2 * 5555) / 100, 10);
  });

  it('orders the codes as CMS values them', () => {
    expect(feeCents('99489')).toBeGreaterThan(feeCents('99439'));
    expect(feeCents('99487')).toBeLessThan(feeCents('99490') + 2 * feeCents('99439'));
    expect(feeCents('G0558')).toBeGreaterThan(feeCents('G0557'));
    expect(feeCents('99496')).toBeGreaterThan(feeCents('99495'));
  });

  it('refuses a code it has no fee for', () => {
    expect(() => feeCents('99457')).toThrow(RangeError);
  });
});

describe('shipped fee data', () => {
  it('names its year and source', () => {
    expect(rvus.year).toBe(2026);
    expect(gpcis.year).toBe(rvus.year);
    expect(rvus.source.url).toMatch(/^https:\/\/www\.cms\.gov\//);
  });

  it('is refused when a refresh dropped a billable code or wrote a nonsense value', () => {
    const { '99490': _dropped, ...rest } = rvus.codes;
    expect(RvuFile.safeParse({ ...rvus, codes: rest }).success).toBe(false);
    const [first] = gpcis.localities;
    expect(GpciFile.safeParse({ ...gpcis, localities: [{ ...first, pe: -1 }] }).success).toBe(false);
  });
});
