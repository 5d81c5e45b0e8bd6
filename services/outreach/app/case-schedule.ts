import type { Instant } from '@carelink/calendar';
import type { Commit, StateWrite } from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import {
  applyCaseEvent,
  type CaseEvent,
  type CaseProjection,
  desiredTasks,
  reassignments,
  reconcileTasks,
} from '../domain';

/**
 * Brings a case's projection and tasks up to date after an event (or, without one, after time
 * passed). Tasks have deterministic ids and are created with a conditional put, so a replayed or
 * re-delivered event creates nothing twice; the projection is written only if its revision is the
 * one read, so concurrent deliveries for one case cannot lose an update.
 */
export async function reconcileCase(
  stores: Pick<Stores, 'cases'>,
  tenantId: string,
  ref: { patientId: string; caseId: string },
  event: CaseEvent | undefined,
  now: Instant,
): Promise<Commit | undefined> {
  const stored = await stores.cases.caseOf(tenantId, ref.patientId, ref.caseId);
  const projection: CaseProjection | undefined = event
    ? applyCaseEvent(stored?.projection, event)
    : stored?.projection;
  if (!projection) return undefined;

  const existing = await stores.cases.tasksOfCase(tenantId, ref.patientId, ref.caseId);
  const desired = desiredTasks(projection, now);
  const plan = reconcileTasks(existing, desired);
  const moves = reassignments(existing, desired);
  if (!event && plan.toCreate.length === 0 && plan.toCancel.length === 0 && moves.length === 0)
    return undefined;

  const writes: StateWrite[] = [stores.cases.putCase(tenantId, projection, stored?.rev)];
  for (const task of plan.toCreate)
    writes.push(stores.cases.createTask(tenantId, task, projection.patientId, projection.practiceId));
  for (const task of plan.toCancel)
    writes.push(stores.cases.closeTask(tenantId, projection.patientId, task.id, 'cancelled'));
  for (const { task, assigneeId } of moves)
    writes.push(stores.cases.reassignTask(tenantId, projection.patientId, task, assigneeId));

  if (event) {
    const active = projection.opened && !projection.closed;
    if (event.type === 'opened' || event.type === 'closed')
      writes.push(stores.cases.openCaseMarker(tenantId, projection, active));
    if (active) {
      const profile = await stores.cases.profile(tenantId, projection.patientId);
      const isCurrent =
        !profile ||
        profile.caseId === projection.caseId ||
        profile.identifiedAt <= (projection.identifiedAt as string);
      if (isCurrent)
        writes.push(
          stores.cases.putProfile(tenantId, {
            patientId: projection.patientId,
            practiceId: projection.practiceId,
            timeZone: projection.timeZone as string,
            caseId: projection.caseId,
            primaryStaffId: projection.primaryStaffId as string,
            identifiedAt: projection.identifiedAt as string,
          }),
        );
    }
  }
  return { writes, events: [] };
}
