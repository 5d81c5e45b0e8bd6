import { ADD_ON_UNIT_CAPS, type CodeFamily, PHYSICIAN_CCM, STAFF_CCM, STAFF_PCM } from './codes';

/** Within this many minutes of the next threshold a patient is worth a call before the month ends. */
export const CLOSE_WITHIN_MINUTES = 10;

/** The time tracks a care team works toward. */
export type WorklistTrack = 'ccm-staff' | 'ccm-physician' | 'pcm';

/** Month-to-date counted minutes, e.g. from `countedMinutes` in `rules.ts`. */
export type MonthToDateMinutes = {
  /** Clinical staff CCM minutes. */
  staff: number;
  /** The billing practitioner's own CCM minutes. */
  physician: number;
  /** PCM minutes, staff and the billing practitioner's together. */
  pcm: number;
};

/** Where one track stands: the next threshold not yet met and how far away it is. */
export type ThresholdStatus = {
  track: WorklistTrack;
  countedMinutes: number;
  /** Next billable threshold in total minutes, or null when every threshold is already met. */
  nextThreshold: number | null;
  /** Minutes missing to reach `nextThreshold`, or null when there is none. */
  minutesMissing: number | null;
  /** True when the next threshold is at most `CLOSE_WITHIN_MINUTES` away. */
  close: boolean;
};

/** Billable thresholds of a family: the base, then one per add-on unit up to its cap. */
const thresholdsOf = (family: CodeFamily): readonly number[] => {
  const cap = ADD_ON_UNIT_CAPS[family.addOn] ?? 0;
  return Array.from({ length: cap + 1 }, (_, units) => family.baseMinutes + units * family.addOnMinutes);
};

/**
 * Thresholds per track, derived from the same codes and caps as the rules:
 * staff CCM 20/40/60, physician CCM 30/60, PCM 30/60.
 */
export const TRACK_THRESHOLDS: Readonly<Record<WorklistTrack, readonly number[]>> = {
  'ccm-staff': thresholdsOf(STAFF_CCM),
  'ccm-physician': thresholdsOf(PHYSICIAN_CCM),
  pcm: thresholdsOf(STAFF_PCM),
};

/** Where `countedMinutes` stands against the thresholds of `track`. A threshold met exactly is met. */
export const thresholdStatus = (track: WorklistTrack, countedMinutes: number): ThresholdStatus => {
  const nextThreshold = TRACK_THRESHOLDS[track].find((threshold) => threshold > countedMinutes) ?? null;
  const minutesMissing = nextThreshold === null ? null : nextThreshold - countedMinutes;
  return {
    track,
    countedMinutes,
    nextThreshold,
    minutesMissing,
    close: minutesMissing !== null && minutesMissing <= CLOSE_WITHIN_MINUTES,
  };
};

/**
 * Worklist status of every track. The staff CCM track counts the billing practitioner's minutes too,
 * because the rules pool them with staff time for 99490/99439.
 */
export const thresholdWorklist = (minutes: MonthToDateMinutes): ThresholdStatus[] => [
  thresholdStatus('ccm-staff', minutes.staff + minutes.physician),
  thresholdStatus('ccm-physician', minutes.physician),
  thresholdStatus('pcm', minutes.pcm),
];
