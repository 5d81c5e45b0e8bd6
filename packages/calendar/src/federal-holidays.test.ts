import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FederalHolidayKey,
  federalHolidayOn,
  federalHolidays,
  isFederalHoliday,
} from './federal-holidays';
import { addDays, isoWeekday } from './plain-date';

describe('federalHolidays', () => {
  it('lists the eleven holidays of 2025 with their observed dates', () => {
    expect(federalHolidays(2025).map((h) => [h.key, h.date, h.observed])).toEqual([
      ['new-years-day', '2025-01-01', '2025-01-01'],
      ['martin-luther-king-jr-day', '2025-01-20', '2025-01-20'],
      ['presidents-day', '2025-02-17', '2025-02-17'],
      ['memorial-day', '2025-05-26', '2025-05-26'],
      ['juneteenth', '2025-06-19', '2025-06-19'],
      ['independence-day', '2025-07-04', '2025-07-04'],
      ['labor-day', '2025-09-01', '2025-09-01'],
      ['columbus-day', '2025-10-13', '2025-10-13'],
      ['veterans-day', '2025-11-11', '2025-11-11'],
      ['thanksgiving-day', '2025-11-27', '2025-11-27'],
      ['christmas-day', '2025-12-25', '2025-12-25'],
    ]);
  });

  it.each([
    // Saturday legal dates move back to Friday.
    ['independence-day', 2020, '2020-07-04', '2020-07-03'],
    ['juneteenth', 2021, '2021-06-19', '2021-06-18'],
    ['christmas-day', 2021, '2021-12-25', '2021-12-24'],
    ['new-years-day', 2022, '2022-01-01', '2021-12-31'],
    ['veterans-day', 2023, '2023-11-11', '2023-11-10'],
    // Sunday legal dates move forward to Monday.
    ['juneteenth', 2022, '2022-06-19', '2022-06-20'],
    ['christmas-day', 2022, '2022-12-25', '2022-12-26'],
    ['new-years-day', 2023, '2023-01-01', '2023-01-02'],
    ['independence-day', 2027, '2027-07-04', '2027-07-05'],
  ])('observes %s %i (legal %s) on %s', (key, year, legal, observed) => {
    const holiday = federalHolidays(year).find((h) => h.key === key);
    expect(holiday?.date).toBe(legal);
    expect(holiday?.observed).toBe(observed);
  });

  it('has no Juneteenth before 2021', () => {
    expect(federalHolidays(2020).some((h) => h.key === 'juneteenth')).toBe(false);
    expect(federalHolidays(2020)).toHaveLength(10);
  });

  it('rejects years outside the supported range', () => {
    expect(() => federalHolidays(1977)).toThrow(RangeError);
    expect(() => federalHolidays(2024.5)).toThrow(RangeError);
  });

  it('places every holiday on its rule weekday or fixed date, observed on a weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1986, max: 2200 }), (year) => {
        const byKey = new Map(federalHolidays(year).map((h) => [h.key, h]));
        const monday: FederalHolidayKey[] = [
          'martin-luther-king-jr-day',
          'presidents-day',
          'memorial-day',
          'labor-day',
          'columbus-day',
        ];
        for (const key of monday) expect(isoWeekday(byKey.get(key)!.date)).toBe(1);
        const thanksgiving = byKey.get('thanksgiving-day')!.date;
        expect(isoWeekday(thanksgiving)).toBe(4);
        expect(Number(thanksgiving.slice(8))).toBeGreaterThanOrEqual(22);
        expect(Number(thanksgiving.slice(8))).toBeLessThanOrEqual(28);
        expect(addDays(byKey.get('memorial-day')!.date, 7).slice(5, 7)).toBe('06');
        for (const h of byKey.values()) expect(isoWeekday(h.observed)).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('isFederalHoliday', () => {
  it.each([
    ['2021-12-31', true, 'next year New Year observed on Friday'],
    ['2022-01-01', false, 'legal date on Saturday is not the observed day'],
    ['2022-12-26', true, 'Christmas observed on Monday'],
    ['2024-11-28', true, 'Thanksgiving'],
    ['2024-11-29', false, 'day after Thanksgiving'],
    ['2020-06-19', false, 'Juneteenth before it became a holiday'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(isFederalHoliday(date)).toBe(expected);
  });

  it('names the holiday observed on a date', () => {
    expect(federalHolidayOn('2021-12-31')?.key).toBe('new-years-day');
    expect(federalHolidayOn('2021-12-30')).toBeUndefined();
  });
});
