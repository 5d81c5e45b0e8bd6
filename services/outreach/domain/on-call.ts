import { addMilliseconds, type Instant, MINUTE_MS } from '@carelink/calendar';

/** An unacknowledged urgent flag pages the next person after this long. */
export const REPAGE_AFTER_MINUTES = 30;

/** Pages per flag at most: the on-call list is walked three times, then the flag waits on the worklist. */
const ROUNDS = 3;

/** Who a flag's pages go to, in order: the practice's on-call list, else the patient's primary. */
export function pageRecipients(onCall: readonly string[], primaryStaffId: string): string[] {
  return onCall.length > 0 ? [...onCall] : [primaryStaffId];
}

/**
 * The page number `attempt` (1-based) of a flag: who gets it, and when the next one is due unless
 * someone acknowledges first. After the last allowed page there is no next one.
 */
export function pageOf(
  recipients: readonly string[],
  attempt: number,
  at: Instant,
): { to: string; nextAt: Instant | undefined } {
  const to = recipients[(attempt - 1) % recipients.length] as string;
  const last = attempt >= recipients.length * ROUNDS;
  return { to, nextAt: last ? undefined : addMilliseconds(at, REPAGE_AFTER_MINUTES * MINUTE_MS) };
}

/** The subject of a page: the flag's code only, never the reading or the patient's name. */
export function pageSubject(code: string, attempt: number): string {
  const prefix = attempt > 1 ? `Unacknowledged urgent risk flag (page ${attempt})` : 'Urgent risk flag';
  return `${prefix}: ${code}`.slice(0, 99);
}
