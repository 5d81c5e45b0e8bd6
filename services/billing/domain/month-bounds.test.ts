import { describe, expect, it } from 'vitest';
import { daysInMonth, monthBounds } from './month-bounds';

describe('monthBounds', () => {
  it.each([
    ['2026-03', 'America/New_York', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    ['2026-03', 'UTC', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['2026-12', 'Europe/Berlin', '2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ])('%s in %s spans [%s, %s)', (month, zone, start, end) => {
    const bounds = monthBounds(month, zone);
    expect(new Date(bounds.startMs).toISOString()).toBe(start);
    expect(new Date(bounds.endMs).toISOString()).toBe(end);
  });

  it('makes the DST month one hour shorter than 31 days', () => {
    const { startMs, endMs } = monthBounds('2026-03', 'America/New_York');
    expect((endMs - startMs) / 3_600_000).toBe(31 * 24 - 1);
  });
});

describe('daysInMonth', () => {
  it.each([
    ['2026-02', 28],
    ['2024-02', 29],
    ['2026-01', 31],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });
});
