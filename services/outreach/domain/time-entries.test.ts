import { addMilliseconds, MINUTE_MS, parseInstant } from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FutureTimeEntryError,
  InvalidInputError,
  TimeEntryAlreadyVoidedError,
  TimeEntryOverlapError,
} from './errors';
import {
  correctTimeEntry,
  findOverlappingEntry,
  minutesInMonth,
  recordTimeEntry,
  type TimeEntry,
  voidTimeEntry,
} from './time-entries';

const now = parseInstant('2026-03-20T18:00:00Z');

function input(overrides: Record<string, unknown> = {}) {
  return {
    caseId: 'case-1',
    program: 'ccm',
    performer: 'clinical-staff',
    practitionerId: 'nurse-1',
    startedAt: '2026-03-20T14:00:00Z',
    minutes: 30,
    activity: 'care-coordination',
    ...overrides,
  };
}

function record(overrides: Record<string, unknown> = {}, existing: readonly TimeEntry[] = [], id = 'te-new') {
  return recordTimeEntry(input(overrides), { id, recordedBy: 'nurse-1', now, existing });
}

const base = record({}, [], 'te-1').entry;

describe('recording time', () => {
  it('records a valid entry and emits an event without the note', () => {
    const { entry, events } = record({ note: 'Called pharmacy about refill' });
    expect(entry).toMatchObject({
      id: 'te-new',
      minutes: 30,
      recordedAt: now,
      note: 'Called pharmacy about refill',
    });
    expect(events[0]).toMatchObject({ type: 'TimeEntryRecorded', entryId: 'te-new', minutes: 30 });
    expect(JSON.stringify(events)).not.toContain('pharmacy');
  });

  it.each([
    ['zero minutes', { minutes: 0 }],
    ['more than 240 minutes', { minutes: 241 }],
    ['fractional minutes', { minutes: 12.5 }],
    ['an unknown program', { program: 'dental' }],
    ['an unknown performer', { performer: 'volunteer' }],
    ['a start without offset', { startedAt: '2026-03-20T14:00:00' }],
    ['an empty note', { note: '   ' }],
  ])('rejects %s', (_label, overrides) => {
    expect(() => record(overrides)).toThrow(InvalidInputError);
  });

  it.each([1, 240])('accepts %i minutes', (minutes) => {
    const startedAt = addMilliseconds(now, -minutes * MINUTE_MS).toString();
    expect(record({ minutes, startedAt }).entry.minutes).toBe(minutes);
  });

  it('accepts an entry ending exactly now but not one ending a minute later', () => {
    expect(record({ startedAt: '2026-03-20T17:30:00Z' }).entry.id).toBe('te-new');
    expect(() => record({ startedAt: '2026-03-20T17:31:00Z' })).toThrow(FutureTimeEntryError);
  });

  it('freezes recorded entries', () => {
    expect(Object.isFrozen(base)).toBe(true);
  });
});

describe('overlap detection', () => {
  it.each([
    ['ends where the other starts', '2026-03-20T13:30:00Z', 30, false],
    ['starts where the other ends', '2026-03-20T14:30:00Z', 15, false],
    ['starts inside the other', '2026-03-20T14:29:00Z', 15, true],
    ['ends inside the other', '2026-03-20T13:31:00Z', 30, true],
    ['contains the other', '2026-03-20T13:00:00Z', 120, true],
    ['is contained by the other', '2026-03-20T14:10:00Z', 5, true],
  ])('a new entry that %s overlaps: %s', (_label, startedAt, minutes, overlaps) => {
    const attempt = () => record({ startedAt, minutes }, [base]);
    if (overlaps) expect(attempt).toThrow(TimeEntryOverlapError);
    else expect(attempt().entry.startedAt.toString()).toBe(startedAt);
  });

  it('names the conflicting entry but no patient data', () => {
    try {
      record({ startedAt: '2026-03-20T14:10:00Z', caseId: 'case-2' }, [base]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'TIME_ENTRY_OVERLAP', conflictingEntryId: 'te-1' });
      expect((error as Error).message).not.toContain('case-2');
    }
  });

  it('ignores voided entries and other staff members', () => {
    const voided = voidTimeEntry(base, { reason: 'wrong-start', by: 'nurse-1', at: now }).entry;
    expect(record({}, [voided]).entry.id).toBe('te-new');
    expect(record({ practitionerId: 'nurse-2' }, [base]).entry.id).toBe('te-new');
  });

  it('agrees with a direct interval comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 240 }),
        (offset, minutesA, minutesB) => {
          const startA = parseInstant('2026-03-01T12:00:00Z');
          const startB = addMilliseconds(startA, offset * MINUTE_MS);
          const a = { ...base, startedAt: startA, minutes: minutesA };
          const b = { practitionerId: base.practitionerId, startedAt: startB, minutes: minutesB };
          const expected = offset < minutesA && -offset < minutesB;
          expect(findOverlappingEntry(b, [a]) !== undefined).toBe(expected);
        },
      ),
    );
  });
});

describe('voiding and correcting', () => {
  it('keeps who voided, when and why, and emits an event', () => {
    const { entry, events } = voidTimeEntry(base, { reason: 'wrong-duration', by: 'lead-1', at: now });
    expect(entry.voided).toEqual({ reason: 'wrong-duration', by: 'lead-1', at: now });
    expect(base.voided).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'TimeEntryVoided', entryId: 'te-1', reason: 'wrong-duration' });
  });

  it('refuses to void twice', () => {
    const voided = voidTimeEntry(base, { reason: 'duplicate', by: 'lead-1', at: now }).entry;
    expect(() => voidTimeEntry(voided, { reason: 'duplicate', by: 'lead-1', at: now })).toThrow(
      TimeEntryAlreadyVoidedError,
    );
  });

  it('corrects by voiding and re-entering the same block with new minutes', () => {
    const result = correctTimeEntry(
      base,
      { reason: 'wrong-duration', by: 'nurse-1', at: now },
      input({ minutes: 45 }),
      { id: 'te-2', recordedBy: 'nurse-1', now, existing: [base] },
    );
    expect(result.voided.voided?.reason).toBe('wrong-duration');
    expect(result.entry).toMatchObject({ id: 'te-2', minutes: 45 });
    expect(result.events.map((event) => event.type)).toEqual(['TimeEntryVoided', 'TimeEntryRecorded']);
  });
});

describe('minutes in a month', () => {
  const zone = 'America/New_York';

  it('counts an entry by the month its start falls in, in the practice time zone', () => {
    const lateNight = record({ startedAt: '2026-03-01T04:30:00Z', minutes: 20 }, [], 'te-a').entry;
    expect(minutesInMonth([lateNight], '2026-02', zone)).toBe(20);
    expect(minutesInMonth([lateNight], '2026-03', zone)).toBe(0);
    expect(minutesInMonth([lateNight], '2026-03', 'UTC')).toBe(20);
  });

  it('applies the filter and skips voided entries', () => {
    const ccm = record({}, [], 'te-a').entry;
    const physician = record({ performer: 'physician', practitionerId: 'md-1' }, [], 'te-b').entry;
    const rpm = record({ program: 'rpm', practitionerId: 'nurse-2' }, [], 'te-c').entry;
    const voided = voidTimeEntry(record({ practitionerId: 'nurse-3' }, [], 'te-d').entry, {
      reason: 'duplicate',
      by: 'lead-1',
      at: now,
    }).entry;
    const entries = [ccm, physician, rpm, voided];
    expect(minutesInMonth(entries, '2026-03', zone)).toBe(90);
    expect(minutesInMonth(entries, '2026-03', zone, { program: 'ccm', performer: 'clinical-staff' })).toBe(
      30,
    );
    expect(minutesInMonth(entries, '2026-03', zone, { caseId: 'case-other' })).toBe(0);
  });

  it('rejects a malformed month instead of silently counting nothing', () => {
    expect(() => minutesInMonth([base], '2026-3', zone)).toThrow(RangeError);
  });
});
