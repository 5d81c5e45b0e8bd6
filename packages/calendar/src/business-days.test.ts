import * as fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay } from './business-days';

describe('isBusinessDay', () => {
  it.each([
    ['2025-03-03', true, 'Monday'],
    ['2025-03-07', true, 'Friday'],
    ['2025-03-08', false, 'Saturday'],
    ['2025-03-09', false, 'Sunday'],
    ['2025-07-04', false, 'Independence Day'],
    ['2026-07-03', false, 'Independence Day observed on Friday'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2025-03-03', 2, '2025-03-05', 'Monday plus 2 is Wednesday'],
    ['2025-03-06', 2, '2025-03-10', 'Thursday plus 2 skips the weekend'],
    ['2025-03-08', 2, '2025-03-11', 'Saturday start counts from Monday'],
    ['2025-07-03', 2, '2025-07-08', 'Independence Day inside the window'],
    ['2024-12-24', 2, '2024-12-27', 'Christmas inside the window'],
    ['2025-11-26', 2, '2025-12-01', 'Thanksgiving and the weekend inside the window'],
    ['2021-12-30', 2, '2022-01-04', 'New Year observed on the previous Friday'],
    ['2025-01-17', 1, '2025-01-21', 'weekend then MLK Day'],
    ['2025-03-05', 0, '2025-03-05', 'zero keeps the date'],
    ['2025-03-10', -1, '2025-03-07', 'negative goes back over the weekend'],
  ])('%s + %i = %s (%s)', (start, n, expected) => {
    expect(addBusinessDays(start, n)).toBe(expected);
  });

  it('rejects non-integer counts and malformed dates', () => {
    expect(() => addBusinessDays('2025-03-03', 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2025-03-03T10:00', 1)).toThrow(RangeError);
  });

  it('always lands on a business day with exactly n business days crossed', () => {
    const start = Temporal.PlainDate.from('2020-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = start.add({ days: offset });
        const to = Temporal.PlainDate.from(addBusinessDays(from.toString(), n));
        expect(isBusinessDay(to.toString())).toBe(true);
        let crossed = 0;
        for (let d = from.add({ days: 1 }); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
          if (isBusinessDay(d.toString())) crossed += 1;
        }
        expect(crossed).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
