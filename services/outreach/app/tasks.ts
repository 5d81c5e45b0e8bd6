import type { Instant } from '@carelink/calendar';
import type { OutreachTaskResource } from '@carelink/contracts/api/outreach/tasks';
import { type Commit, NotFoundError, type TenantPrincipal } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { Stores } from '../compose';
import { TaskClosedError } from '../domain';
import type { StoredTask, TaskClosure } from '../store/cases';
import { patientOfCaller } from './access';

export const taskView = (task: StoredTask): z.input<typeof OutreachTaskResource> => ({
  taskId: task.id,
  caseId: task.caseId,
  kind: task.kind,
  source: task.source,
  period: task.period,
  recurrence: task.recurrence,
  openFrom: task.openFrom.toString(),
  dueAt: task.dueAt.toString(),
  assigneeId: task.assigneeId,
  status: task.status,
  ...(task.closed ? { closed: task.closed as z.input<typeof OutreachTaskResource>['closed'] } : {}),
});

/** How a person finishes a task. */
export type TaskFinish =
  | { status: 'done'; outcome: string; note?: string | undefined }
  | { status: 'cancelled'; reason: string };

/**
 * Completes or cancels an open task of the caller's patient, naming the person. A task already
 * done or cancelled is a conflict; the task leaves every worklist.
 */
export async function finishTask(
  stores: Pick<Stores, 'cases'>,
  principal: TenantPrincipal,
  target: { patientId: string; taskId: string },
  finish: TaskFinish,
  now: Instant,
): Promise<{ task: StoredTask; commit: Commit }> {
  await patientOfCaller(stores, principal, target.patientId);
  const task = await stores.cases.task(principal.tenantId, target.patientId, target.taskId);
  if (!task) throw new NotFoundError('Task');
  if (task.status !== 'open') throw new TaskClosedError(task.status);
  const closure: TaskClosure =
    finish.status === 'done'
      ? {
          by: principal.subject,
          at: now.toString(),
          outcome: finish.outcome,
          ...(finish.note ? { note: finish.note } : {}),
        }
      : { by: principal.subject, at: now.toString(), reason: finish.reason };
  const write = stores.cases.closeTask(
    principal.tenantId,
    target.patientId,
    task.id,
    finish.status,
    closure,
    () => new TaskClosedError('closed'),
  );
  return {
    task: { ...task, status: finish.status, closed: closure },
    commit: { writes: [write], events: [] },
  };
}
