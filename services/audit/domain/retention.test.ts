import { describe, expect, it } from 'vitest';
import { retentionExpiry } from './retention';

describe('retentionExpiry', () => {
  it('keeps a record six calendar years after the access', () => {
    expect(retentionExpiry(new Date('2026-11-02T15:04:05.000Z'))).toBe(
      Date.parse('2032-11-02T15:04:05.000Z') / 1000,
    );
  });

  it('never expires a record earlier than six years of 365 days plus the leap days between', () => {
    const at = new Date('2028-02-29T00:00:00.000Z');
    const sixYearsOfDays = (6 * 365 + 1) * 24 * 3600;
    expect(retentionExpiry(at) - at.getTime() / 1000).toBeGreaterThanOrEqual(sixYearsOfDays);
  });
});
