import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSE_WITHIN_MINUTES,
  TRACK_THRESHOLDS,
  thresholdStatus,
  thresholdWorklist,
} from './threshold-worklist';

describe('thresholdStatus', () => {
  it('derives the documented thresholds from the codes and caps', () => {
    expect(TRACK_THRESHOLDS).toEqual({ 'ccm-staff': [20, 40, 60], 'ccm-physician': [30, 60], pcm: [30, 60] });
  });

  it.each([
    ['ccm-staff', 0, 20, 20, false],
    ['ccm-staff', 9, 20, 11, false],
    ['ccm-staff', 10, 20, 10, true],
    ['ccm-staff', 19, 20, 1, true],
    ['ccm-staff', 20, 40, 20, false],
    ['ccm-staff', 35, 40, 5, true],
    ['ccm-staff', 59, 60, 1, true],
    ['ccm-staff', 60, null, null, false],
    ['ccm-physician', 25, 30, 5, true],
    ['ccm-physician', 30, 60, 30, false],
    ['ccm-physician', 75, null, null, false],
    ['pcm', 0, 30, 30, false],
    ['pcm', 21, 30, 9, true],
    ['pcm', 55, 60, 5, true],
  ] as const)('%s at %i minutes: next %s, missing %s, close %s', (track, minutes, next, missing, close) => {
    expect(thresholdStatus(track, minutes)).toEqual({
      track,
      countedMinutes: minutes,
      nextThreshold: next,
      minutesMissing: missing,
      close,
    });
  });

  it('always points at a threshold above the counted minutes, never more than one block away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ccm-staff' as const, 'ccm-physician' as const, 'pcm' as const),
        fc.nat(200),
        (track, minutes) => {
          const status = thresholdStatus(track, minutes);
          if (status.nextThreshold === null) {
            expect(minutes).toBeGreaterThanOrEqual(Math.max(...TRACK_THRESHOLDS[track]));
          } else {
            expect(status.nextThreshold).toBeGreaterThan(minutes);
            expect(status.close).toBe((status.minutesMissing ?? 0) <= CLOSE_WITHIN_MINUTES);
          }
        },
      ),
    );
  });
});

describe('thresholdWorklist', () => {
  it('pools physician minutes into the staff track, as the rules do', () => {
    const [staff, physician, pcm] = thresholdWorklist({ staff: 12, physician: 25, pcm: 0 });
    expect(staff).toMatchObject({ track: 'ccm-staff', countedMinutes: 37, nextThreshold: 40, close: true });
    expect(physician).toMatchObject({
      track: 'ccm-physician',
      countedMinutes: 25,
      nextThreshold: 30,
      close: true,
    });
    expect(pcm).toMatchObject({ track: 'pcm', countedMinutes: 0, nextThreshold: 30, close: false });
  });
});
