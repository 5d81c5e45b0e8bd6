import { type Instant, parseInstant } from '@carelink/calendar';
import type { WorklistResource } from '@carelink/contracts/api/outreach/worklist';
import { requirePractice, type TenantPrincipal } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { Stores } from '../compose';
import { buildWorklist, type TimeEntry } from '../domain';
import { practiceTimeZone } from './access';

/**
 * The caller's worklist: their open work in their practice, ranked by the domain, and the CCM
 * clinical-staff minutes of every patient on their caseload this month in the practice time zone.
 */
export async function worklistOf(
  stores: Pick<Stores, 'worklist' | 'timeEntries' | 'practices'>,
  principal: TenantPrincipal,
  now: Instant,
): Promise<z.input<typeof WorklistResource>> {
  const practiceId = requirePractice(principal);
  const zone = await practiceTimeZone(stores, principal);
  const work = await stores.worklist.workOf(principal.tenantId, principal.subject);
  const mine = <T extends { practiceId: string }>(items: readonly T[]) =>
    items.filter((item) => item.practiceId === practiceId);
  const caseload = mine(work.caseload);
  const tasks = mine(work.tasks);
  const escalations = mine(work.escalations);
  const riskFlags = mine(work.riskFlags);
  const caseTasks = mine(work.caseTasks);

  const timeEntries: TimeEntry[] = [];
  for (const patientId of new Set(caseload.map((c) => c.patientId)))
    timeEntries.push(...(await stores.timeEntries.ofPatient(principal.tenantId, patientId)));

  const worklist = buildWorklist({
    staffId: principal.subject,
    now,
    practiceTimeZone: zone,
    caseload: caseload.map((c) => c.caseId),
    tasks,
    escalations,
    riskFlags,
    reviewTasks: caseTasks.map((task) => ({
      taskKey: task.taskKey,
      type: task.type,
      caseId: task.caseId,
      assigneeId: task.assigneeId,
      priority: task.priority,
      dueBy: parseInstant(task.dueBy),
    })),
    timeEntries,
  });

  const patientOfCase = new Map<string, string>();
  for (const item of [...caseload, ...tasks, ...escalations, ...riskFlags, ...caseTasks])
    patientOfCase.set(item.caseId, item.patientId);
  const flagKinds = new Map(riskFlags.map((flag) => [flag.id, flag.publishedKind]));
  const flagStatuses = new Map(riskFlags.map((flag) => [flag.id, flag.status]));

  return {
    staffId: worklist.staffId,
    month: worklist.month,
    items: worklist.items.map((item): z.input<typeof WorklistResource>['items'][number] => {
      const base = {
        kind: item.kind,
        urgency: item.urgency,
        patientId: patientOfCase.get(item.caseId) ?? '',
        caseId: item.caseId,
        dueAt: item.dueAt.toString(),
      };
      switch (item.kind) {
        case 'task':
          return {
            ...base,
            id: item.task.id,
            detail: { taskKind: item.task.kind, period: item.task.period },
          };
        case 'escalation':
          return {
            ...base,
            id: item.escalation.id,
            detail: {
              reason: item.escalation.reason,
              month: item.escalation.month,
              failedAttempts: item.escalation.failedAttempts,
            },
          };
        case 'review-task':
          return {
            ...base,
            id: item.reviewTask.taskKey,
            detail: { type: item.reviewTask.type, priority: item.reviewTask.priority },
          };
        default:
          return {
            ...base,
            id: item.riskFlag.id,
            detail: {
              flagKind: flagKinds.get(item.riskFlag.id) ?? '',
              severity: item.riskFlag.flag.severity,
              code: item.riskFlag.flag.code,
              status: flagStatuses.get(item.riskFlag.id) ?? 'open',
            },
          };
      }
    }),
    ccmMinutes: worklist.ccmMinutes.map((summary) => ({
      patientId: patientOfCase.get(summary.caseId) ?? '',
      caseId: summary.caseId,
      minutes: summary.minutes,
      ...(summary.nextThreshold === undefined ? {} : { nextThreshold: summary.nextThreshold }),
      minutesToNextThreshold: summary.minutesToNextThreshold,
    })),
  };
}
