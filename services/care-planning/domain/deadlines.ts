import {
  addDays,
  compareInstants,
  type Instant,
  instantFromEpochMs,
  localDate,
  startOfDay,
} from '@carelink/calendar';
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
export const deadlineInstant = (dueDate: string, timeZone: string): Instant =>
  instantFromEpochMs(startOfDay(addDays(dueDate, 1), timeZone));

/** True once the whole deadline day has passed in the practice's zone. */
export const isOverdue = (dueDate: string, timeZone: string, now: Instant): boolean =>
  compareInstants(now, deadlineInstant(dueDate, timeZone)) >= 0;

/** The calendar day of an instant in a zone. */
export const localDateOf = (instant: Instant, timeZone: string): string => localDate(instant, timeZone);
