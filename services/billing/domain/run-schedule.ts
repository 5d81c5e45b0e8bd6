import { addMonths, localDateTime } from '@carelink/calendar';

/** The run for a month starts at 02:00 practice time on the 1st of the next month. */
export const RUN_HOUR = 2;

/**
 * The latest month whose run is due at `now` in `timeZone`: the month before the current local
 * month once the local wall clock reads 02:00 on the 1st, before that the month before it. Wall
 * time, not elapsed hours, so a DST change on the 1st (e.g. 1 November 2026 in the US) is honoured.
 */
export const dueMonth = (now: Date, timeZone: string): string => {
  const { date, time } = localDateTime(now.getTime(), timeZone);
  const beforeRun = date.endsWith('-01') && Number(time.slice(0, 2)) < RUN_HOUR;
  return addMonths(date.slice(0, 7), beforeRun ? -2 : -1);
};
