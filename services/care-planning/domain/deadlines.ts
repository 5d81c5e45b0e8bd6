import { Temporal } from 'temporal-polyfill';
import { assessmentDeadlines } from './assessment';

/** The two NCQA assessment milestones. */
export type AssessmentMilestone = 'begin' | 'complete';

/** A milestone's last allowed calendar day in the practice's zone. */
export interface MilestoneDeadline {
  milestone: AssessmentMilestone;
  /** Inclusive last day, `YYYY-MM-DD`. */
  dueDate: string;
}

/** Both milestones' deadlines for a case identified on `identifiedAt`. */
export const milestoneDeadlines = (identifiedAt: string): MilestoneDeadline[] => {
  const { beginBy, completeBy } = assessmentDeadlines(identifiedAt);
  return [
    { milestone: 'begin', dueDate: beginBy },
    { milestone: 'complete', dueDate: completeBy },
  ];
};

/** The instant a deadline day ends in the zone: the milestone is overdue from then on. */
export const deadlineInstant = (dueDate: string, timeZone: string): Temporal.Instant =>
  Temporal.PlainDate.from(dueDate).add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();

/** True once the whole deadline day has passed in the practice's zone. */
export const isOverdue = (dueDate: string, timeZone: string, now: Temporal.Instant): boolean =>
  Temporal.Instant.compare(now, deadlineInstant(dueDate, timeZone)) >= 0;

/** The calendar day of an instant in a zone. */
export const localDateOf = (instant: Temporal.Instant, timeZone: string): string =>
  instant.toZonedDateTimeISO(timeZone).toPlainDate().toString();
