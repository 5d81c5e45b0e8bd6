import { parseInstant } from '@carelink/calendar';
import type { StateWrite } from '@carelink/lambda-kit';
import type { CaseProjection, OutreachTask, OutreachTaskKind } from '../domain';
import { keys, sk } from './keys';
import type { Item, Table } from './table';

/** What outreach knows of a patient: the practice, the time zone and the current case. */
export interface PatientProfile {
  readonly patientId: string;
  readonly practiceId: string;
  readonly timeZone: string;
  readonly caseId: string;
  readonly primaryStaffId: string;
  readonly identifiedAt: string;
}

/** Who finished a task, when, and how (an outcome when done, a reason when cancelled). */
export interface TaskClosure {
  readonly by: string;
  readonly at: string;
  readonly outcome?: string;
  readonly reason?: string;
  readonly note?: string;
  /** Done after the task was due (a TCM contact after two business days does not count). */
  readonly late?: boolean;
}

/** A task with the patient it belongs to. */
export interface StoredTask extends OutreachTask {
  readonly patientId: string;
  readonly practiceId: string;
  readonly closed?: TaskClosure;
}

export function toTask(item: Item): StoredTask {
  return {
    id: item.taskId as string,
    caseId: item.caseId as string,
    patientId: item.patientId as string,
    practiceId: item.practiceId as string,
    kind: item.taskKind as OutreachTaskKind,
    source: item.source as string,
    period: item.period as string,
    recurrence: item.recurrence as OutreachTask['recurrence'],
    openFrom: parseInstant(item.openFrom as string),
    dueAt: parseInstant(item.dueAt as string),
    assigneeId: item.assigneeId as string,
    status: item.status as OutreachTask['status'],
    ...(item.closed ? { closed: item.closed as TaskClosure } : {}),
  };
}

/** Patients, case projections and their tasks. */
export function createCaseStore(table: Table) {
  async function profile(tenantId: string, patientId: string): Promise<PatientProfile | undefined> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.profile);
    return item as PatientProfile | undefined;
  }

  async function caseOf(
    tenantId: string,
    patientId: string,
    caseId: string,
  ): Promise<{ projection: CaseProjection; rev: number } | undefined> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.case(caseId));
    if (!item) return undefined;
    return { projection: item.projection as CaseProjection, rev: item.rev as number };
  }

  async function tasksOfCase(tenantId: string, patientId: string, caseId: string): Promise<StoredTask[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), sk.tasksOfCase(caseId));
    return items.map(toTask);
  }

  async function tasksOfPatient(tenantId: string, patientId: string): Promise<StoredTask[]> {
    const items = await table.queryPrefix(keys.patient(tenantId, patientId), 'TASK#');
    return items.map(toTask);
  }

  /** Stores the projection if nobody changed it since it was read (`rev`). */
  function putCase(tenantId: string, projection: CaseProjection, rev: number | undefined): StateWrite {
    const caseload = projection.opened && !projection.closed && projection.primaryStaffId;
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, projection.patientId),
          sk: sk.case(projection.caseId),
          kind: 'case',
          caseId: projection.caseId,
          patientId: projection.patientId,
          practiceId: projection.practiceId,
          projection,
          rev: (rev ?? 0) + 1,
          ...(caseload
            ? {
                gsi1pk: keys.staff(tenantId, projection.primaryStaffId as string),
                gsi1sk: `CASE#${projection.caseId}`,
              }
            : {}),
        },
        ConditionExpression: rev === undefined ? 'attribute_not_exists(pk)' : 'rev = :rev',
        ...(rev === undefined ? {} : { ExpressionAttributeValues: { ':rev': rev } }),
      },
    };
  }

  function putProfile(tenantId: string, profile: PatientProfile): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: { pk: keys.patient(tenantId, profile.patientId), sk: sk.profile, kind: 'patient', ...profile },
      },
    };
  }

  /** Marks an open case so the daily roll-forward finds it; removed when the case closes. */
  function openCaseMarker(tenantId: string, projection: CaseProjection, open: boolean): StateWrite {
    const key = { pk: keys.openCases(tenantId), sk: projection.caseId };
    return open
      ? { Put: { TableName: table.name, Item: { ...key, patientId: projection.patientId } } }
      : { Delete: { TableName: table.name, Key: key } };
  }

  async function openCases(tenantId: string): Promise<{ caseId: string; patientId: string }[]> {
    const items = await table.queryPrefix(keys.openCases(tenantId), '');
    return items.map((item) => ({ caseId: item.sk as string, patientId: item.patientId as string }));
  }

  /** Creates a task once: its id is deterministic, so a replayed schedule cannot duplicate it. */
  function createTask(
    tenantId: string,
    task: OutreachTask,
    patientId: string,
    practiceId: string,
  ): StateWrite {
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, patientId),
          sk: sk.task(task.id),
          kind: 'task',
          taskId: task.id,
          caseId: task.caseId,
          patientId,
          practiceId,
          taskKind: task.kind,
          source: task.source,
          period: task.period,
          recurrence: task.recurrence,
          openFrom: task.openFrom.toString(),
          dueAt: task.dueAt.toString(),
          assigneeId: task.assigneeId,
          status: task.status,
          gsi1pk: keys.staff(tenantId, task.assigneeId),
          gsi1sk: `TASK#${task.dueAt.toString()}#${task.id}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async function task(tenantId: string, patientId: string, taskId: string): Promise<StoredTask | undefined> {
    const item = await table.get(keys.patient(tenantId, patientId), sk.task(taskId));
    return item ? toTask(item) : undefined;
  }

  /**
   * Closes an open task (done or cancelled), with who did it when there is a person, and takes it
   * off the worklist index.
   */
  function closeTask(
    tenantId: string,
    patientId: string,
    taskId: string,
    status: 'done' | 'cancelled',
    closure?: TaskClosure,
    onConditionFailed?: () => Error,
  ): StateWrite {
    return {
      Update: {
        TableName: table.name,
        Key: { pk: keys.patient(tenantId, patientId), sk: sk.task(taskId) },
        UpdateExpression: `SET #status = :status${closure ? ', closed = :closed' : ''} REMOVE gsi1pk, gsi1sk`,
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':open': 'open',
          ...(closure ? { ':closed': closure } : {}),
        },
      },
      ...(onConditionFailed ? { onConditionFailed } : {}),
    };
  }

  function reassignTask(
    tenantId: string,
    patientId: string,
    task: OutreachTask,
    assigneeId: string,
  ): StateWrite {
    return {
      Update: {
        TableName: table.name,
        Key: { pk: keys.patient(tenantId, patientId), sk: sk.task(task.id) },
        UpdateExpression: 'SET assigneeId = :assignee, gsi1pk = :gsi1pk',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':assignee': assigneeId,
          ':gsi1pk': keys.staff(tenantId, assigneeId),
          ':open': 'open',
        },
      },
    };
  }

  return {
    profile,
    caseOf,
    tasksOfCase,
    tasksOfPatient,
    task,
    putCase,
    putProfile,
    openCaseMarker,
    openCases,
    createTask,
    closeTask,
    reassignTask,
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
