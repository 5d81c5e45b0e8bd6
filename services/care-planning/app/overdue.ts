import { addDays, instantFromEpochMs, localDate } from '@carelink/calendar';
import { commitTransaction, type EventDraft, type StateWrite } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import { assessmentOverdueTask } from '../domain/case-tasks';
import { deadlineInstant, isOverdue } from '../domain/deadlines';
import { DeadlineAlreadyReported, primaryOf } from '../store/case-store';
import * as published from './events';

/**
 * Publishes `AssessmentOverdue` once per case and milestone whose deadline day has passed in the
 * practice's zone, and opens a task for the primary that the assessment settles. Each report consumes its deadline entry in the same transaction as the event, so
 * a rerun or an overlapping run cannot report it twice. Closed cases' entries are dropped; a case
 * still waiting for a primary keeps its entry until someone is assigned.
 */
export async function reportOverdueAssessments(ctx: CarePlanning, at: Date): Promise<{ reported: number }> {
  const instant = instantFromEpochMs(at.getTime());
  // Zones are at most a day away from UTC: entries up to tomorrow (UTC) cover every zone's today.
  const lastDate = addDays(localDate(instant, 'UTC'), 1);
  let reported = 0;
  for (const tenantId of await ctx.practices.activeTenantIds()) {
    for (const entry of await ctx.cases.deadlinesUpTo(tenantId, lastDate)) {
      if (!isOverdue(entry.dueDate, entry.timeZone, instant)) continue;
      const record = await ctx.cases.get(tenantId, entry.caseId);
      const primary = record ? primaryOf(record) : undefined;
      if (record && record.case.state !== 'closed' && !primary) continue;
      const writes: StateWrite[] = [ctx.cases.consumeDeadline(tenantId, entry.sk)];
      const events: EventDraft[] = [];
      if (record && primary && record.case.state !== 'closed') {
        const dueAt = deadlineInstant(entry.dueDate, entry.timeZone);
        const { caseId, patientId, practiceId } = record.case;
        events.push(
          published.assessmentOverdue({
            caseId,
            patientId,
            practiceId,
            primaryStaffId: primary,
            milestone: entry.milestone,
            dueAt: dueAt.toString(),
          }),
        );
        // Catching up is work on the primary's list until the assessment settles it.
        const task = assessmentOverdueTask(record.case, primary, entry.milestone, dueAt);
        writes.push(ctx.cases.putTask(tenantId, task));
        events.push(
          published.caseTaskChanged(task, 'open', { patientId, practiceId, changedAt: instant.toString() }),
        );
      }
      try {
        await commitTransaction(
          ctx.runtime,
          { writes, events },
          { tenantId, correlationId: ctx.runtime.newId() },
        );
        reported += events.length;
      } catch (error) {
        if (!(error instanceof DeadlineAlreadyReported)) throw error;
      }
    }
  }
  ctx.runtime.logger.info('overdue assessments reported', { reported });
  return { reported };
}
