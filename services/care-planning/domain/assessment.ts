import {
  addDays,
  localDate as calendarDate,
  type Instant,
  parseInstant,
  parseIsoDate,
} from '@carelink/calendar';
import { AssessmentSections as ContractSections } from '@carelink/contracts/api/care-planning/assessment';
import * as z from 'zod/mini';
import type { Case } from './case';
import { AssessmentIncompleteError } from './errors';
import { IdSchema, InstantSchema, ItemIdSchema, parseOrThrow } from './primitives';

/** All sections of the comprehensive assessment: the API contract's, so its caps hold here too. */
export const AssessmentSectionsSchema = ContractSections;

/** All sections of the comprehensive assessment. */
export type AssessmentSections = z.infer<typeof AssessmentSectionsSchema>;
/** Name of one assessment section. */
export type AssessmentSectionName = keyof AssessmentSections;

/** Every section name, in the order they are usually gathered. */
export const ASSESSMENT_SECTIONS = z.keyof(AssessmentSectionsSchema).options;

/** A comprehensive assessment in progress or completed. */
export const AssessmentSchema = z.strictObject({
  assessmentId: ItemIdSchema,
  caseId: IdSchema,
  begunAt: InstantSchema,
  completedAt: z.optional(InstantSchema),
  sections: z.partial(AssessmentSectionsSchema),
});
/** A comprehensive assessment. */
export type Assessment = z.infer<typeof AssessmentSchema>;

/** Days from identification within which the assessment must begin (NCQA). */
export const BEGIN_WITHIN_DAYS = 30;
/** Days from identification within which the assessment must be complete (NCQA). */
export const COMPLETE_WITHIN_DAYS = 60;

/** Last calendar days on which the assessment may begin and complete, both inclusive. */
export interface AssessmentDeadlines {
  beginBy: string;
  completeBy: string;
}

/** Deadlines counted in calendar days from the identification date. */
export const assessmentDeadlines = (identifiedAt: string): AssessmentDeadlines => {
  const identified = parseIsoDate(identifiedAt);
  return {
    beginBy: addDays(identified, BEGIN_WITHIN_DAYS),
    completeBy: addDays(identified, COMPLETE_WITHIN_DAYS),
  };
};

/** Where an assessment stands against its deadlines. */
export type AssessmentTimeliness = 'on-track' | 'begin-overdue' | 'completion-overdue';

/** Timeliness plus the deadlines it was judged against. */
export interface AssessmentStatus extends AssessmentDeadlines {
  status: AssessmentTimeliness;
}

const localDate = (instant: string, timeZone: string): string =>
  calendarDate(parseInstant(instant), timeZone);

const after = (date: string, deadline: string): boolean => date > parseIsoDate(deadline);

/**
 * Judges the assessment against the NCQA timeline in the practice's calendar days.
 * A deadline counts as missed once it passed without the milestone, or when the milestone
 * happened late; a missed completion outranks a missed start because it is the later, graver miss.
 */
export const assessmentStatus = (
  current: Case,
  assessment: Assessment | undefined,
  now: Instant,
): AssessmentStatus => {
  const deadlines = assessmentDeadlines(current.identifiedAt);
  const today = localDate(now, current.timeZone);
  const begun = assessment ? localDate(assessment.begunAt, current.timeZone) : undefined;
  const completed = assessment?.completedAt ? localDate(assessment.completedAt, current.timeZone) : undefined;

  const completionMissed = completed
    ? after(completed, deadlines.completeBy)
    : after(today, deadlines.completeBy);
  if (completionMissed) return { status: 'completion-overdue', ...deadlines };
  const beginMissed = begun ? after(begun, deadlines.beginBy) : after(today, deadlines.beginBy);
  return { status: beginMissed ? 'begin-overdue' : 'on-track', ...deadlines };
};

/** Starts an assessment for a case with no sections recorded yet. */
export const beginAssessment = (current: Case, assessmentId: string, now: Instant): Assessment =>
  parseOrThrow(
    AssessmentSchema,
    { assessmentId, caseId: current.caseId, begunAt: now.toString(), sections: {} },
    'assessment',
  );

/** Records (or replaces) one section after validating it. */
export const recordSection = <K extends AssessmentSectionName>(
  assessment: Assessment,
  section: K,
  data: AssessmentSections[K],
): Assessment => {
  // Parsing through the partial object keeps the section's own type without a cast.
  const valid = parseOrThrow(z.partial(AssessmentSectionsSchema), { [section]: data }, 'assessment section')[
    section
  ];
  return { ...assessment, sections: { ...assessment.sections, [section]: valid } };
};

/** Sections not yet recorded, in canonical order. */
export const missingSections = (assessment: Assessment): AssessmentSectionName[] =>
  ASSESSMENT_SECTIONS.filter((name) => assessment.sections[name] === undefined);

/** Completes the assessment; every section must be recorded first. */
export const completeAssessment = (assessment: Assessment, now: Instant): Assessment => {
  const missing = missingSections(assessment);
  if (missing.length > 0) throw new AssessmentIncompleteError(missing);
  return { ...assessment, completedAt: now.toString() };
};
