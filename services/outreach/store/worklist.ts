import { parseInstant } from '@carelink/calendar';
import type { CaseRiskFlag, Escalation, RiskFlagKind } from '../domain';
import { type CaseTaskItem, toCaseTask } from './case-tasks';
import { type StoredTask, toTask } from './cases';
import { toEscalation } from './contacts';
import { keys } from './keys';
import type { Table } from './table';

/** What is routed to one staff member through `gsi1`. */
export interface StaffWork {
  readonly caseload: { caseId: string; patientId: string; practiceId: string }[];
  readonly tasks: StoredTask[];
  readonly escalations: (Escalation & { patientId: string; practiceId: string })[];
  readonly riskFlags: (CaseRiskFlag & {
    patientId: string;
    practiceId: string;
    publishedKind: string;
    status: 'open' | 'acknowledged';
  })[];
  readonly caseTasks: CaseTaskItem[];
}

export function createWorklistStore(table: Table) {
  async function workOf(tenantId: string, staffId: string): Promise<StaffWork> {
    const items = await table.queryIndexPrefix(keys.staff(tenantId, staffId));
    const work: StaffWork = { caseload: [], tasks: [], escalations: [], riskFlags: [], caseTasks: [] };
    for (const item of items) {
      const patientId = item.patientId as string;
      const practiceId = item.practiceId as string;
      switch (item.kind) {
        case 'case':
          work.caseload.push({ caseId: item.caseId as string, patientId, practiceId });
          break;
        case 'task':
          work.tasks.push(toTask(item));
          break;
        case 'case-task':
          if (item.status === 'open') work.caseTasks.push(toCaseTask(item));
          break;
        case 'escalation':
          if (item.status !== 'resolved')
            work.escalations.push({ ...toEscalation(item), patientId, practiceId });
          break;
        case 'risk-flag':
          if (item.status !== 'resolved')
            work.riskFlags.push({
              id: item.flagId as string,
              caseId: item.caseId as string,
              assigneeId: item.assigneeId as string,
              patientId,
              practiceId,
              publishedKind: item.flagKind as string,
              status: item.status === 'acknowledged' ? 'acknowledged' : 'open',
              flag: {
                // Ranking only reads severity and time; the published kind is reported separately.
                kind: item.flagKind as RiskFlagKind,
                severity: item.severity as 'urgent' | 'high',
                observedAt: parseInstant(item.observedAt as string),
                code: item.code as string,
              },
            });
          break;
      }
    }
    return work;
  }

  return { workOf };
}

export type WorklistStore = ReturnType<typeof createWorklistStore>;
