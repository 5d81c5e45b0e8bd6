import * as z from 'zod/mini';
import { alertResolutions, taskOutcomes } from './code-lists';

/**
 * Codes of the staff work recorded on a case, shared by the outreach API and the services that
 * record and count it.
 */

/** What staff time was spent on, as a code so that no free text is needed to bill it. */
export const TimeEntryActivity = z.enum([
  'care-plan-development',
  'care-plan-review',
  'medication-management',
  'care-coordination',
  'patient-communication',
  'caregiver-communication',
  'referral-management',
  'screening',
  'remote-monitoring-review',
  'other',
]);
export type TimeEntryActivity = z.infer<typeof TimeEntryActivity>;

/** Reasons a time entry can be voided. Codes rather than free text keep the audit trail PHI-free. */
export const VoidReason = z.enum([
  'wrong-patient',
  'wrong-duration',
  'wrong-start',
  'wrong-program',
  'wrong-performer',
  'duplicate',
  'other',
]);
export type VoidReason = z.infer<typeof VoidReason>;

/** Per-plan vital-sign alert thresholds. Values equal to a threshold do not raise a flag. */
export const VitalThresholds = z.strictObject({
  systolicAbove: z.number().check(z.gt(0)),
  diastolicAbove: z.number().check(z.gt(0)),
  glucoseBelow: z.number().check(z.gt(0)),
  glucoseAbove: z.number().check(z.gt(0)),
  spo2Below: z.number().check(z.gt(0), z.lte(100)),
  heartRateBelow: z.number().check(z.gt(0)),
  heartRateAbove: z.number().check(z.gt(0)),
  weightGainPerDayLb: z.number().check(z.gt(0)),
  weightGainPerWeekLb: z.number().check(z.gt(0)),
});
export type VitalThresholds = z.infer<typeof VitalThresholds>;

/** How a risk flag or an escalation was closed: a code, so events and the trail carry no free text. */
export const AlertResolution = z.enum(alertResolutions);
export type AlertResolution = z.infer<typeof AlertResolution>;

/** Where a piece of open work stands: acknowledged means someone owns it now, resolved means done. */
export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** How an outreach task was finished, as a code. */
export const TaskOutcome = z.enum(taskOutcomes);
export type TaskOutcome = z.infer<typeof TaskOutcome>;

/** Why an outreach task was cancelled. */
export const TaskCancelReason = z.enum([
  'not-applicable',
  'duplicate',
  'patient-declined',
  'handled-elsewhere',
  'case-closed',
  'referral-cancelled',
]);
export type TaskCancelReason = z.infer<typeof TaskCancelReason>;
