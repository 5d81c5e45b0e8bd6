import type { MonthBounds } from './month-bounds';
import type { TimeEntry } from './month-schema';

/** Minutes that count toward each pool for one patient-month. */
export type CountedMinutes = {
  /** Clinical staff minutes on the CCM program. */
  ccmStaff: number;
  /** The billing practitioner's own minutes on the CCM program. */
  ccmPhysician: number;
  /** Clinical staff minutes on the PCM program. */
  pcmStaff: number;
  /** The billing practitioner's own minutes on the PCM program. */
  pcmPhysician: number;
};

/** Counted minutes plus whether any CCM/PCM entry falls in the month at all (counted or not). */
export type MinuteTally = CountedMinutes & { ccmRecorded: boolean; pcmRecorded: boolean };

/**
 * Sums the minutes that count: entries inside the month (in the practice's zone, as `bounds`) and
 * inside the consent window [fromMs, toMs). Only `ccm` and `pcm` program time counts; TCM, RPM and
 * BHI time is billed under its own codes and never toward care management. Physician/QHP time counts
 * only when the billing practitioner performed it personally, as 99491/99437/99424/99425 require and
 * as CMS allows for counting a practitioner's time as clinical staff time.
 * Works on epoch milliseconds so that no date object is built per entry.
 */
export const tallyMinutes = (
  entries: readonly TimeEntry[],
  bounds: MonthBounds,
  fromMs: number,
  toMs: number,
  billingPractitionerId: string,
): MinuteTally => {
  const tally: MinuteTally = {
    ccmStaff: 0,
    ccmPhysician: 0,
    pcmStaff: 0,
    pcmPhysician: 0,
    ccmRecorded: false,
    pcmRecorded: false,
  };
  for (const entry of entries) {
    const isCcm = entry.program === 'ccm';
    if (!isCcm && entry.program !== 'pcm') continue;
    const at = Date.parse(entry.at);
    if (at < bounds.startMs || at >= bounds.endMs) continue;
    if (isCcm) tally.ccmRecorded = true;
    else tally.pcmRecorded = true;
    if (at < fromMs || at >= toMs) continue;
    if (entry.performer === 'clinical-staff') {
      if (isCcm) tally.ccmStaff += entry.minutes;
      else tally.pcmStaff += entry.minutes;
    } else if (entry.practitionerId === billingPractitionerId) {
      if (isCcm) tally.ccmPhysician += entry.minutes;
      else tally.pcmPhysician += entry.minutes;
    }
  }
  return tally;
};
