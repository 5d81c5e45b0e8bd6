import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './schedule-expression';

describe('nextOccurrence', () => {
  it.each([
    ['cron(0 2 1 * ? *)', 'America/New_York', '2026-11-25T12:00:00Z', '2026-12-01T07:00:00.000Z'],
    ['cron(0 2 1 * ? *)', 'America/New_York', '2026-12-01T06:59:00Z', '2026-12-01T07:00:00.000Z'],
    ['cron(0 2 1 * ? *)', 'America/New_York', '2026-12-01T07:00:00Z', '2027-01-01T07:00:00.000Z'],
    ['cron(0 2 1 * ? *)', 'America/New_York', '2027-03-15T00:00:00Z', '2027-04-01T06:00:00.000Z'],
    ['cron(0 2 1 * ? *)', 'America/Denver', '2026-11-25T12:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['cron(30 9 ? * MON-FRI *)', 'UTC', '2026-11-27T10:00:00Z', '2026-11-30T09:30:00.000Z'],
    ['cron(0 0 L * ? *)', 'UTC', '2026-02-10T00:00:00Z', '2026-02-28T00:00:00.000Z'],
    ['cron(0/15 * * * ? *)', 'UTC', '2026-01-01T00:07:00Z', '2026-01-01T00:15:00.000Z'],
    ['cron(0 12 ? * 1 *)', 'UTC', '2026-11-25T00:00:00Z', '2026-11-29T12:00:00.000Z'],
    ['at(2026-12-24T18:00:00)', 'America/New_York', '2026-11-25T00:00:00Z', '2026-12-24T23:00:00.000Z'],
  ])('%s in %s after %s fires at %s', (expression, zone, after, expected) => {
    expect(nextOccurrence(expression, zone, new Date(after))?.toISOString()).toBe(expected);
  });

  it('fires rate schedules on multiples of the period from their anchor', () => {
    const anchor = new Date('2026-01-01T00:00:00Z');
    expect(
      nextOccurrence('rate(5 minutes)', 'UTC', new Date('2026-01-01T00:07:00Z'), anchor)?.toISOString(),
    ).toBe('2026-01-01T00:10:00.000Z');
  });

  it('never fires a one-time schedule in the past', () => {
    expect(
      nextOccurrence('at(2020-01-01T00:00:00)', 'UTC', new Date('2026-01-01T00:00:00Z')),
    ).toBeUndefined();
  });

  it.each(['cron(0 2 1 * MON *)', 'cron(0 2 1 *)', 'cron(61 2 1 * ? *)', 'every day'])(
    'rejects %s',
    (expression) => {
      expect(() => nextOccurrence(expression, 'UTC', new Date())).toThrow();
    },
  );
});
