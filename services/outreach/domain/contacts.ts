import { type Instant, monthOf, parseIsoMonth } from '@carelink/calendar';
import * as z from 'zod/mini';
import { InstantSchema } from './instant-schema';
import { parseOrThrow } from './validation';

/** How a contact attempt ended. Only `reached` counts as a successful contact. */
export const CONTACT_OUTCOMES = ['reached', 'voicemail', 'no-answer', 'wrong-number', 'declined'] as const;
/** A contact attempt outcome. */
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Failed attempts in one month, with no success, after which the primary case manager takes over. */
export const FAILED_ATTEMPTS_BEFORE_ESCALATION = 3;

/** A contact attempt as submitted by staff. */
export const ContactAttemptSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  caseId: z.string().check(z.minLength(1), z.maxLength(128)),
  channel: z.enum(['phone', 'sms', 'video', 'in-person', 'portal']),
  outcome: z.enum(CONTACT_OUTCOMES),
  attemptedAt: InstantSchema,
  performedBy: z.string().check(z.minLength(1), z.maxLength(128)),
});

/** A validated contact attempt. */
export type ContactAttempt = z.output<typeof ContactAttemptSchema>;

/** A request for the primary case manager to take over a patient the team could not reach this month. */
export interface Escalation {
  readonly id: string;
  readonly caseId: string;
  readonly reason: 'unreachable';
  /** `YYYY-MM` in the patient's time zone. */
  readonly month: string;
  readonly assigneeId: string;
  readonly failedAttempts: number;
  readonly raisedAt: Instant;
}

/** Emitted for every recorded attempt. */
export interface ContactAttemptRecorded {
  readonly type: 'ContactAttemptRecorded';
  readonly attemptId: string;
  readonly caseId: string;
  readonly channel: ContactAttempt['channel'];
  readonly outcome: ContactOutcome;
  readonly attemptedAt: string;
  readonly performedBy: string;
}

/** Emitted once per case and month when attempts keep failing. */
export interface ContactEscalated {
  readonly type: 'ContactEscalated';
  readonly escalationId: string;
  readonly caseId: string;
  readonly month: string;
  readonly assigneeId: string;
  readonly failedAttempts: number;
  readonly raisedAt: string;
}

/** Contact progress of one case in one month. */
export interface MonthlyContactStatus {
  readonly reached: boolean;
  readonly failedAttempts: number;
}

/** Deterministic, so that a retried command finds the escalation it already raised. */
export function escalationId(caseId: string, month: string): string {
  return `escalation#${encodeURIComponent(caseId)}#unreachable#${month}`;
}

/** Whether the patient was reached in `month` (patient time zone) and how many attempts failed. */
export function monthlyContactStatus(
  attempts: readonly ContactAttempt[],
  caseId: string,
  month: string,
  timeZone: string,
): MonthlyContactStatus {
  const wanted = parseIsoMonth(month);
  let reached = false;
  let failedAttempts = 0;
  for (const attempt of attempts) {
    if (attempt.caseId !== caseId || monthOf(attempt.attemptedAt, timeZone) !== wanted) continue;
    if (attempt.outcome === 'reached') reached = true;
    else failedAttempts += 1;
  }
  return { reached, failedAttempts };
}

/** What `recordContactAttempt` needs besides the attempt. */
export interface RecordContactAttemptContext {
  /** Earlier attempts of the case; an entry with the new attempt's id is ignored so retries are safe. */
  readonly history: readonly ContactAttempt[];
  readonly patientTimeZone: string;
  readonly primaryCaseManagerId: string;
  readonly now: Instant;
}

/**
 * Records an attempt and escalates when it is the one that brings the month's failures to three
 * without any success. Escalating only on that crossing means later failures do not escalate again.
 */
export function recordContactAttempt(
  input: unknown,
  context: RecordContactAttemptContext,
): {
  attempt: ContactAttempt;
  escalation?: Escalation;
  events: [ContactAttemptRecorded] | [ContactAttemptRecorded, ContactEscalated];
} {
  const attempt = parseOrThrow(ContactAttemptSchema, input, 'contact attempt');
  const recorded: ContactAttemptRecorded = {
    type: 'ContactAttemptRecorded',
    attemptId: attempt.id,
    caseId: attempt.caseId,
    channel: attempt.channel,
    outcome: attempt.outcome,
    attemptedAt: attempt.attemptedAt.toString(),
    performedBy: attempt.performedBy,
  };
  const month = monthOf(attempt.attemptedAt, context.patientTimeZone);
  const earlier = context.history.filter((previous) => previous.id !== attempt.id);
  const before = monthlyContactStatus(earlier, attempt.caseId, month, context.patientTimeZone);
  const failedNow = attempt.outcome !== 'reached';
  const crossesThreshold =
    failedNow && !before.reached && before.failedAttempts + 1 === FAILED_ATTEMPTS_BEFORE_ESCALATION;
  if (!crossesThreshold) return { attempt, events: [recorded] };
  const escalation: Escalation = {
    id: escalationId(attempt.caseId, month),
    caseId: attempt.caseId,
    reason: 'unreachable',
    month,
    assigneeId: context.primaryCaseManagerId,
    failedAttempts: FAILED_ATTEMPTS_BEFORE_ESCALATION,
    raisedAt: context.now,
  };
  return {
    attempt,
    escalation,
    events: [
      recorded,
      {
        type: 'ContactEscalated',
        escalationId: escalation.id,
        caseId: escalation.caseId,
        month,
        assigneeId: escalation.assigneeId,
        failedAttempts: escalation.failedAttempts,
        raisedAt: escalation.raisedAt.toString(),
      },
    ],
  };
}
