import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from './month-input';
import { lastDayOf, monthlyDateOfService } from './service-date';

const entry = (startedAt: string, minutes: number, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  timeEntryId: startedAt,
  startedAt,
  minutes,
  performer: 'clinical-staff',
  practitionerId: '1234567893',
  program: 'ccm',
  ...extra,
});

const october = {
  month: '2026-10',
  timeZone: 'America/New_York',
  counted: [
    entry('2026-10-03T14:00:00Z', 15),
    entry('2026-10-09T14:00:00Z', 10),
    entry('2026-10-20T14:00:00Z', 20),
    // 23:30 in New York on the 28th is already the 29th in UTC.
    entry('2026-10-29T03:30:00Z', 5),
  ],
};

describe('monthly date of service', () => {
  it('is the last day of the month by default, whatever the time', () => {
    const lines = [{ code: '99490', units: 1 }];
    expect(monthlyDateOfService({ ...october, policy: 'end-of-month', lines })).toBe('2026-10-31');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
  });

  it('is the day the base threshold was met when only the base code is billed', () => {
    const lines = [{ code: '99490', units: 1 }];
    expect(monthlyDateOfService({ ...october, policy: 'threshold-met', lines })).toBe('2026-10-09');
  });

  it('waits for the block of every add-on unit, on the practice-zone date', () => {
    const lines = [
      { code: '99439', units: 1 },
      { code: '99490', units: 1 },
    ];
    expect(monthlyDateOfService({ ...october, policy: 'threshold-met', lines })).toBe('2026-10-20');
    const moreTime = { ...october, counted: [...october.counted, entry('2026-10-29T03:30:00Z', 0)] };
    expect(monthlyDateOfService({ ...moreTime, policy: 'threshold-met', lines })).toBe('2026-10-20');
    const lateBlock = {
      ...october,
      counted: [entry('2026-10-03T14:00:00Z', 30), entry('2026-10-29T03:30:00Z', 10)],
    };
    expect(monthlyDateOfService({ ...lateBlock, policy: 'threshold-met', lines })).toBe('2026-10-28');
  });

  it('counts only physician time toward the physician codes', () => {
    const counted = [
      entry('2026-10-02T14:00:00Z', 40),
      entry('2026-10-12T14:00:00Z', 30, { performer: 'physician' }),
    ];
    const lines = [{ code: '99491', units: 1 }];
    expect(monthlyDateOfService({ ...october, counted, policy: 'threshold-met', lines })).toBe('2026-10-12');
  });

  it('keeps the last day for codes without a time threshold and for time it cannot trace', () => {
    expect(
      monthlyDateOfService({ ...october, policy: 'threshold-met', lines: [{ code: 'G0557', units: 1 }] }),
    ).toBe('2026-10-31');
    expect(
      monthlyDateOfService({
        ...october,
        counted: [entry('2026-10-03T14:00:00Z', 5)],
        policy: 'threshold-met',
        lines: [{ code: '99490', units: 1 }],
      }),
    ).toBe('2026-10-31');
  });
});
