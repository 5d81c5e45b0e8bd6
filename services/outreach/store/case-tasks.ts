import type { CaseTaskChangedData } from '@carelink/contracts';
import type { StateWrite } from '@carelink/lambda-kit';
import { keys } from './keys';
import type { Item, Table } from './table';

/** A care-planning task as the worklist shows it (projected from `CaseTaskChanged`). */
export interface CaseTaskItem {
  readonly taskKey: string;
  readonly type: CaseTaskChangedData['type'];
  readonly caseId: string;
  readonly patientId: string;
  readonly practiceId: string;
  readonly assigneeId: string;
  readonly priority: CaseTaskChangedData['priority'];
  readonly dueBy: string;
}

export const toCaseTask = (item: Item): CaseTaskItem => ({
  taskKey: item.taskKey as string,
  type: item.taskType as CaseTaskItem['type'],
  caseId: item.caseId as string,
  patientId: item.patientId as string,
  practiceId: item.practiceId as string,
  assigneeId: item.assigneeId as string,
  priority: item.priority as CaseTaskItem['priority'],
  dueBy: item.dueBy as string,
});

/**
 * Care-planning's open tasks, routed to their assignee's worklist. Done is final: a late "open"
 * for a task already done changes nothing, so redelivery and reordering cannot bring it back.
 */
export function createCaseTaskStore(table: Table) {
  function apply(tenantId: string, data: CaseTaskChangedData): StateWrite {
    const key = { pk: keys.patient(tenantId, data.patientId), sk: `CASE-TASK#${data.taskKey}` };
    const fields = {
      kind: 'case-task',
      taskKey: data.taskKey,
      taskType: data.type,
      caseId: data.caseId,
      patientId: data.patientId,
      practiceId: data.practiceId,
      assigneeId: data.assigneeStaffId,
      priority: data.priority,
      dueBy: data.dueBy,
      status: data.status,
    };
    if (data.status === 'done') return { Put: { TableName: table.name, Item: { ...key, ...fields } } };
    return {
      Put: {
        TableName: table.name,
        Item: {
          ...key,
          ...fields,
          gsi1pk: keys.staff(tenantId, data.assigneeStaffId),
          gsi1sk: `CASE-TASK#${data.dueBy}#${data.taskKey}`,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    };
  }

  return { apply };
}
