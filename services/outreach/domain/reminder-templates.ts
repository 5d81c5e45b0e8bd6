import * as z from 'zod/mini';
import { parseOrThrow } from './validation';

/** Reminder messages outreach can send by text. */
export type ReminderKind = 'monthly-check-in' | 'missed-call' | 'appointment' | 'care-team-follow-up';

/**
 * The only values a reminder may contain. The schema is strict: a caller cannot slip a diagnosis,
 * medication or result into a message, because texts can be read by anyone holding the phone.
 */
export const ReminderValuesSchema = z.strictObject({
  firstName: z.optional(z.string().check(z.trim(), z.regex(/^\p{L}[\p{L}' -]{0,39}$/u))),
  practiceName: z.string().check(z.trim(), z.regex(/^[\p{L}\d][\p{L}\d&'.,() -]{0,59}$/u)),
  /** A US number in E.164 form, e.g. +15555550123. */
  callbackNumber: z.string().check(z.regex(/^\+1[2-9]\d{2}[2-9]\d{6}$/)),
});

/** Values a reminder may carry. */
export type ReminderValues = z.input<typeof ReminderValuesSchema>;

const BODIES: Readonly<Record<ReminderKind, string>> = {
  'monthly-check-in':
    'Your care team would like to check in with you this month. Please call us at {callback}.',
  'missed-call': 'We tried to reach you today. Please call us back at {callback}.',
  appointment: 'This is a reminder about an upcoming appointment. Questions? Call us at {callback}.',
  'care-team-follow-up': 'Your care team would like to follow up with you. Please call us at {callback}.',
};

const OPT_OUT_FOOTER = 'Reply STOP to opt out.';

function formatUsNumber(e164: string): string {
  const digits = e164.slice(2);
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/**
 * Renders a reminder text. It names the practice and a callback number and nothing clinical: the
 * reason for the call is discussed once the patient is on the line.
 */
export function renderReminder(kind: ReminderKind, values: ReminderValues): string {
  const valid = parseOrThrow(ReminderValuesSchema, values, 'reminder values');
  const greeting = valid.firstName
    ? `Hi ${valid.firstName}, this is ${valid.practiceName}.`
    : `Hello, this is ${valid.practiceName}.`;
  const body = BODIES[kind].replace('{callback}', formatUsNumber(valid.callbackNumber));
  return `${greeting} ${body} ${OPT_OUT_FOOTER}`;
}
