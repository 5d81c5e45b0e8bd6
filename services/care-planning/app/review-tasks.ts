import type { ReviewTaskOutcome } from '@carelink/contracts';
import { type Commit, NotFoundError, type TenantPrincipal } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import { completeReviewTask, type ReviewTaskRecord } from '../domain/case-tasks';
import { caseForStaff, requireCareTeam } from './access';
import { now } from './clock';
import * as published from './events';
import { reviewTaskView } from './views';

/** A case's review tasks, soonest due first. */
export async function listReviewTasks(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  caseId: string,
  status: 'open' | 'done' | undefined,
) {
  const record = await caseForStaff(ctx, principal, caseId);
  const tasks = await ctx.cases.listTasks(principal.tenantId, caseId);
  return {
    patientId: record.case.patientId,
    items: tasks
      .filter((task) => status === undefined || task.status === status)
      .sort((a, b) => a.dueBy.localeCompare(b.dueBy) || a.taskKey.localeCompare(b.taskKey))
      .map(reviewTaskView),
  };
}

/**
 * A member of the care team completes a review task with an outcome; the task leaves every
 * worklist through `CaseTaskChanged`.
 */
export async function completeTask(
  ctx: CarePlanning,
  principal: TenantPrincipal,
  target: { caseId: string; taskKey: string },
  completion: { outcome: ReviewTaskOutcome; note?: string | undefined },
): Promise<{ task: ReviewTaskRecord; patientId: string; commit: Commit }> {
  const record = await caseForStaff(ctx, principal, target.caseId);
  requireCareTeam(record, principal);
  const task = await ctx.cases.getTask(principal.tenantId, target.caseId, target.taskKey);
  if (!task) throw new NotFoundError('Review task');
  const at = now(ctx).toString();
  const done = completeReviewTask(task, {
    by: principal.subject,
    at,
    outcome: completion.outcome,
    ...(completion.note ? { note: completion.note } : {}),
  });
  const { patientId, practiceId } = record.case;
  return {
    task: done,
    patientId,
    commit: {
      writes: [ctx.cases.completeTask(principal.tenantId, done)],
      events: [published.caseTaskChanged(done, 'done', { patientId, practiceId, changedAt: at })],
    },
  };
}

/** Completes the given open tasks on behalf of `where.by`: the work they asked for was just done. */
export function settleTasks(
  ctx: CarePlanning,
  tenantId: string,
  tasks: readonly ReviewTaskRecord[],
  where: { patientId: string; practiceId: string; by: string },
): Commit {
  const at = now(ctx).toString();
  const open = tasks.filter((task) => task.status === 'open');
  const done = open.map((task) => completeReviewTask(task, { by: where.by, at, outcome: 'assessment-done' }));
  return {
    writes: done.map((task) => ctx.cases.completeTask(tenantId, task)),
    events: done.map((task) =>
      published.caseTaskChanged(task, 'done', {
        patientId: where.patientId,
        practiceId: where.practiceId,
        changedAt: at,
      }),
    ),
  };
}
