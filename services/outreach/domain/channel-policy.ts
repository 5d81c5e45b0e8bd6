import type { Instant } from '@carelink/calendar';
import type { SmsConsent } from './opt-out';
import { DEFAULT_QUIET_HOURS, nextAllowedSendTime, type QuietHours } from './quiet-hours';

export type { SmsConsent, SmsConsentChanged } from './opt-out';
export { applyInboundReply, classifyReply, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from './opt-out';
export type { QuietHours } from './quiet-hours';
export {
  DEFAULT_QUIET_HOURS,
  isWithinQuietHours,
  nextAllowedSendTime,
  QuietHoursSchema,
} from './quiet-hours';
export type { ReminderKind, ReminderValues } from './reminder-templates';
export { ReminderValuesSchema, renderReminder } from './reminder-templates';

/** Whether a text may go out: now, later (after quiet hours), or not at all (opted out). */
export type SendDecision =
  | { readonly kind: 'send-now' }
  | { readonly kind: 'defer'; readonly until: Instant }
  | { readonly kind: 'blocked'; readonly reason: 'opted-out' };

/**
 * Decides whether a text may be sent at `now`. Opt-out wins over everything; otherwise a message
 * that falls in the patient's quiet hours is deferred to the first allowed instant.
 */
export function decideTextMessage(
  now: Instant,
  consent: SmsConsent,
  timeZone: string,
  quietHours: QuietHours = DEFAULT_QUIET_HOURS,
): SendDecision {
  if (consent.status === 'opted-out') return { kind: 'blocked', reason: 'opted-out' };
  const allowedAt = nextAllowedSendTime(now, timeZone, quietHours);
  return allowedAt === now ? { kind: 'send-now' } : { kind: 'defer', until: allowedAt };
}
