import { IanaTimeZone, Performer, YearMonth } from '@carelink/contracts';
import * as z from 'zod/mini';
import { REASON_CODES } from './reason-codes';

// Minutes in a 31-day month: a single entry cannot be longer than the month it belongs to.
const MAX_ENTRY_MINUTES = 31 * 24 * 60;

/** An ISO 8601 instant with an explicit offset ("Z" or "+hh:mm"); local date-times are ambiguous. */
const Instant = z.iso.datetime({ offset: true });

const Id = z.string().check(z.minLength(1));

/** Time documented for a patient, one row per activity. */
export const TimeEntry = z.object({
  at: Instant,
  minutes: z.int().check(z.gte(0), z.lte(MAX_ENTRY_MINUTES)),
  performer: Performer,
  practitionerId: Id,
  program: z.enum(['ccm', 'pcm', 'tcm', 'rpm', 'bhi']),
});
/** Time documented for a patient, one row per activity. */
export type TimeEntry = z.infer<typeof TimeEntry>;

/** Programs a patient consents to, each on its own (a PCM consent does not bill CCM). */
export const ConsentProgram = z.enum(['ccm', 'pcm', 'apcm']);

/**
 * Everything the rules need to decide one patient-month for one billing practitioner (version 2:
 * the practice's care model, consent per program, the initiating visit and QMB status).
 */
export const PatientMonthInput = z.object({
  month: YearMonth,
  timeZone: IanaTimeZone,
  /** `apcm`: one advanced primary care management line a month instead of time-based CCM/PCM. */
  careModel: z.enum(['time-based', 'apcm']),
  patient: z.object({
    chronicConditionCount: z.int().check(z.gte(0)),
    complexConditionForPcm: z.optional(z.boolean()),
    /** Qualified Medicare Beneficiary: G0558 instead of G0557 under APCM. */
    qmb: z.boolean(),
  }),
  consent: z.nullable(
    z.object({
      obtainedAt: Instant,
      revokedAt: z.nullable(Instant),
      billingPractitionerId: Id,
      programs: z.array(ConsentProgram).check(z.minLength(1)),
    }),
  ),
  /**
   * The latest E/M visit, AWV or IPPE by the billing practitioner on or before the month's end: CCM,
   * PCM and APCM need one no earlier than 12 months before consent (the initiating visit).
   */
  lastQualifyingVisitAt: z.nullable(Instant),
  carePlan: z.nullable(
    z.object({
      establishedAt: Instant,
      revisedAt: z.nullable(Instant),
      // Kept for reporting only: since CY 2020 CPT no longer requires a substantial revision for 99487.
      substantialRevisionInMonth: z.boolean(),
    }),
  ),
  medicalDecisionMaking: z.nullable(z.enum(['low', 'moderate', 'high'])),
  timeEntries: z.array(TimeEntry),
  otherBilled: z.array(z.object({ code: Id, practitionerId: Id })),
  billingPractitionerId: Id,
});
/** Everything the rules need to decide one patient-month for one billing practitioner. */
export type PatientMonthInput = z.infer<typeof PatientMonthInput>;

/** One billed code with its unit count. */
export const DecisionLine = z.object({
  code: z.string().check(z.minLength(1)),
  units: z.int().check(z.gte(1)),
});
/** One billed code with its unit count. */
export type DecisionLine = z.infer<typeof DecisionLine>;

/**
 * Outcome of one patient-month: the lines to bill (sorted by code) or, when there are none,
 * the reasons why (never empty in that case).
 */
export const MonthDecision = z
  .object({
    lines: z.array(DecisionLine),
    reasons: z.array(z.enum(REASON_CODES)),
  })
  .check(
    z.refine((d) => d.lines.every((line, i) => i === 0 || (d.lines[i - 1]?.code ?? '') < line.code), {
      error: 'Lines must be sorted by code without duplicates',
    }),
    z.refine((d) => d.lines.length > 0 || d.reasons.length > 0, {
      error: 'A decision without lines must give reasons',
    }),
  );
/** Outcome of one patient-month. */
export type MonthDecision = z.infer<typeof MonthDecision>;
