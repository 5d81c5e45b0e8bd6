import { COMPLEX_CCM, type CodeFamily, PHYSICIAN_CCM, PHYSICIAN_PCM, STAFF_CCM, STAFF_PCM } from './codes';
import { daysInMonth } from './month-bounds';
import type { LedgerEntry } from './month-input';

/** When a monthly code's claim is dated: the last day of the month, or the day its time was complete. */
export type MonthlyDateOfService = 'end-of-month' | 'threshold-met';

const FAMILIES: readonly { family: CodeFamily; program: 'ccm' | 'pcm'; physicianOnly: boolean }[] = [
  { family: STAFF_CCM, program: 'ccm', physicianOnly: false },
  { family: COMPLEX_CCM, program: 'ccm', physicianOnly: false },
  { family: PHYSICIAN_CCM, program: 'ccm', physicianOnly: true },
  { family: STAFF_PCM, program: 'pcm', physicianOnly: false },
  { family: PHYSICIAN_PCM, program: 'pcm', physicianOnly: true },
];

/** The last day of a month (`YYYY-MM-DD`). */
export const lastDayOf = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;

const localDate = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

/**
 * The date of service of a month's time-based lines. `end-of-month` (the default) dates them with the
 * last day of the month: every counted minute lies before it. `threshold-met` dates them with the day
 * the counted time reached what the billed lines need (base threshold plus each add-on unit's block),
 * in the practice's time zone; all lines of the claim share the latest such day. Lines without a time
 * threshold (APCM), or time that cannot be traced to the entries, keep the last day of the month.
 */
export function monthlyDateOfService(args: {
  policy: MonthlyDateOfService;
  month: string;
  timeZone: string;
  lines: readonly { code: string; units: number }[];
  /** The month's counted entries, in time order. */
  counted: readonly LedgerEntry[];
}): string {
  const endOfMonth = lastDayOf(args.month);
  if (args.policy === 'end-of-month') return endOfMonth;
  const units = new Map(args.lines.map((line) => [line.code, line.units]));
  let latest: string | undefined;
  for (const { family, program, physicianOnly } of FAMILIES) {
    if (!units.has(family.base)) continue;
    const needed = family.baseMinutes + (units.get(family.addOn) ?? 0) * family.addOnMinutes;
    let minutes = 0;
    let metOn: string | undefined;
    for (const entry of args.counted) {
      if (entry.program !== program || (physicianOnly && entry.performer !== 'physician')) continue;
      minutes += entry.minutes;
      if (minutes >= needed) {
        metOn = localDate(entry.startedAt, args.timeZone);
        break;
      }
    }
    if (!metOn) return endOfMonth;
    if (!latest || metOn > latest) latest = metOn;
  }
  return latest ?? endOfMonth;
}
