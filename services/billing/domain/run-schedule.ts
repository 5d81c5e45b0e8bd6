import { addMonths, monthOf } from '@carelink/calendar';

/** The run for a month starts at 02:00 practice time on the 1st of the next month. */
export const RUN_HOUR = 2;

/**
 * The latest month whose run is due at `now` in `timeZone`: the month before the current local
 * month once it is 02:00 on the 1st, before that the month before it.
 */
export const dueMonth = (now: Date, timeZone: string): string => {
  const shifted = new Date(now.getTime() - RUN_HOUR * 3600 * 1000);
  return addMonths(monthOf(shifted.toISOString(), timeZone), -1);
};
