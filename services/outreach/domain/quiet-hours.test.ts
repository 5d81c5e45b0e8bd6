import {
  addMilliseconds,
  compareInstants,
  epochMsOf,
  HOUR_MS,
  instantFromEpochMs,
  localDateTime,
  MINUTE_MS,
  parseInstant,
} from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import { isWithinQuietHours, nextAllowedSendTime } from './quiet-hours';

const NY = 'America/New_York';
const instant = (iso: string) => parseInstant(iso);

describe('quiet hours', () => {
  it.each([
    ['20:59 local', '2026-06-10T00:59:00Z', false],
    ['21:00 local', '2026-06-10T01:00:00Z', true],
    ['03:00 local', '2026-06-10T07:00:00Z', true],
    ['07:59 local', '2026-06-10T11:59:00Z', true],
    ['08:00 local', '2026-06-10T12:00:00Z', false],
  ])('treats %s as quiet: %s', (_label, iso, quiet) => {
    expect(isWithinQuietHours(instant(iso), NY)).toBe(quiet);
  });

  it('sends at once outside quiet hours', () => {
    const now = instant('2026-06-10T15:00:00Z');
    expect(nextAllowedSendTime(now, NY)).toBe(now);
  });

  it.each([
    ['US spring forward, evening before', '2026-03-08T03:30:00Z', '2026-03-08T12:00:00Z'],
    ['US spring forward, before the gap', '2026-03-08T06:30:00Z', '2026-03-08T12:00:00Z'],
    ['US spring forward, after the gap', '2026-03-08T07:30:00Z', '2026-03-08T12:00:00Z'],
    ['US fall back, evening before', '2026-11-01T02:00:00Z', '2026-11-01T13:00:00Z'],
    ['US fall back, first 01:30', '2026-11-01T05:30:00Z', '2026-11-01T13:00:00Z'],
    ['US fall back, second 01:30', '2026-11-01T06:30:00Z', '2026-11-01T13:00:00Z'],
    ['an ordinary night', '2026-06-10T02:00:00Z', '2026-06-10T12:00:00Z'],
  ])('waits until 08:00 local on the %s', (_label, now, expected) => {
    const next = nextAllowedSendTime(instant(now), NY);
    expect(next.toString()).toBe(expected);
    expect(localDateTime(next, NY).time).toBe('08:00:00.000');
  });

  it('makes the spring-forward night an hour shorter and the fall-back night an hour longer', () => {
    const nightLength = (evening: string) =>
      (epochMsOf(nextAllowedSendTime(instant(evening), NY)) - epochMsOf(instant(evening))) / HOUR_MS;
    expect(nightLength('2026-03-07T02:00:00Z')).toBe(11);
    expect(nightLength('2026-03-08T02:00:00Z')).toBe(10);
    expect(nightLength('2026-11-01T01:00:00Z')).toBe(12);
  });

  it('uses configured quiet hours that do not wrap midnight', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(nextAllowedSendTime(instant('2026-06-10T16:30:00Z'), NY, lunch).toString()).toBe(
      '2026-06-10T17:00:00Z',
    );
    expect(isWithinQuietHours(instant('2026-06-10T02:00:00Z'), NY, lunch)).toBe(false);
  });

  it('moves an end time skipped by the spring-forward gap to the first valid local time', () => {
    const hours = { start: '22:00', end: '02:30' };
    const next = nextAllowedSendTime(instant('2026-03-08T06:00:00Z'), NY, hours);
    expect(next.toString()).toBe('2026-03-08T07:30:00Z');
  });

  it('never returns an end time already past in the repeated fall-back hour', () => {
    const hours = { start: '00:00', end: '01:30' };
    const now = instant('2026-11-01T06:10:00Z');
    expect(nextAllowedSendTime(now, NY, hours).toString()).toBe('2026-11-01T06:30:00Z');
  });

  it('treats equal start and end as no quiet hours', () => {
    const now = instant('2026-06-10T03:00:00Z');
    expect(nextAllowedSendTime(now, NY, { start: '08:00', end: '08:00' })).toBe(now);
  });

  it.each([
    { start: '9pm', end: '08:00' },
    { start: '24:00', end: '08:00' },
  ])('rejects malformed hours %o', (hours) => {
    expect(() => nextAllowedSendTime(instant('2026-06-10T03:00:00Z'), NY, hours)).toThrow(InvalidInputError);
  });

  it('returns the first allowed instant, whatever the zone and date', () => {
    const zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'Pacific/Honolulu',
    ];
    const start = epochMsOf(instant('2026-01-01T00:00:00Z'));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 365 * 24 * 60 }), (zone, minutes) => {
        const now = instantFromEpochMs(start + minutes * MINUTE_MS);
        const next = nextAllowedSendTime(now, zone);
        expect(compareInstants(next, now)).toBeGreaterThanOrEqual(0);
        expect(isWithinQuietHours(next, zone)).toBe(false);
        if (next !== now) expect(isWithinQuietHours(addMilliseconds(next, -MINUTE_MS), zone)).toBe(true);
      }),
    );
  });
});
