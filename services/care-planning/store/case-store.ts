import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type ServiceRuntime, type StateWrite } from '@carelink/lambda-kit';
import type { Assessment } from '../domain/assessment';
import { activePrimaries } from '../domain/care-team';
import type { Case } from '../domain/case';
import type { ReviewTaskRecord, TaskCompletion } from '../domain/case-tasks';
import type { MilestoneDeadline } from '../domain/deadlines';
import { TaskAlreadyDoneError } from '../domain/errors';
import type { CarePlanReviewTask } from '../domain/risk-review';
import { keys } from './keys';

/** Where a case stands in the worklist: `unassigned` until a care manager has taken it. */
export type CaseStatus = 'unassigned' | 'open' | 'active' | 'closed';

/** The latest score of one screening instrument. */
export interface ScreeningResult {
  score: number;
  band: string;
  scoredAt: string;
}

/**
 * A case as stored. An unassigned case has an empty care team and no domain history yet: it is
 * opened (in the domain's sense) when its first primary is assigned.
 */
export interface CaseRecord {
  case: Case;
  status: CaseStatus;
  /** Optimistic-lock version of the record; also the aggregate version of its events. */
  version: number;
  unassignedReason?: string;
  /** Instant the patient was identified (the eligibility determination), for CaseOpened. */
  identifiedInstant: string;
  dischargeDate?: string;
  language?: string;
  skills: string[];
  planVersion: number;
  screenings: Record<string, ScreeningResult>;
}

/** A deadline entry the daily overdue run looks at. */
export interface DeadlineItem {
  caseId: string;
  milestone: MilestoneDeadline['milestone'];
  dueDate: string;
  timeZone: string;
  sk: string;
}

/** A stored task; tasks written before they had a status are open. */
const toTaskRecord = (item: Record<string, unknown>): ReviewTaskRecord => ({
  ...(item.task as CarePlanReviewTask),
  status: item.status === 'done' ? 'done' : 'open',
  ...(item.completed ? { completed: item.completed as TaskCompletion } : {}),
});

/** Current primary staff id, if the case has one. */
export const primaryOf = (record: CaseRecord): string | undefined => activePrimaries(record.case)[0]?.staffId;

const statusOf = (record: CaseRecord): CaseStatus =>
  record.status === 'unassigned' && record.case.careTeam.length === 0 ? 'unassigned' : record.case.state;

/** Cases with their pointers, assessment, review tasks and assessment deadlines. */
export function caseStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;

  const item = (tenantId: string, record: CaseRecord) => {
    const status = statusOf(record);
    const { practiceId, caseId } = record.case;
    return {
      ...keys.case(tenantId, caseId),
      kind: 'case',
      ...record,
      status,
      gsi1pk: keys.assignee(tenantId, practiceId, primaryOf(record)),
      gsi1sk: `CASE#${caseId}`,
    };
  };

  return {
    async get(tenantId: string, caseId: string): Promise<CaseRecord | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.case(tenantId, caseId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, kind: _kind, gsi1pk: _g, gsi1sk: _s, ...record } = Item;
      return record as CaseRecord;
    },

    /** The referral's claim: the case it opened, or that it was cancelled before any case opened. */
    async referralClaim(
      tenantId: string,
      referralId: string,
    ): Promise<{ caseId?: string; cancelled?: boolean } | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.referral(tenantId, referralId),
          ConsistentRead: true,
        }),
      );
      if (!Item) return undefined;
      return {
        ...(Item.caseId ? { caseId: Item.caseId as string } : {}),
        ...(Item.cancelled ? { cancelled: true } : {}),
      };
    },

    /**
     * Claims a referral cancelled before any case opened for it, so a late determination opens
     * none; fails (and is retried) if a case claimed it first.
     */
    claimCancelledReferral(tenantId: string, referralId: string): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: { ...keys.referral(tenantId, referralId), cancelled: true },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
        onConditionFailed: () => new ConflictError('A case opened for the referral meanwhile'),
      };
    },

    async caseIdsForPatient(tenantId: string, patientId: string): Promise<string[]> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.patientPk(tenantId, patientId) },
          ScanIndexForward: false,
        }),
      );
      return (Items ?? []).map((i) => i.caseId as string);
    },

    async listByAssignee(
      tenantId: string,
      practiceId: string,
      assignee: string | undefined,
      options: { status?: CaseStatus; limit: number; start?: Record<string, unknown> },
    ): Promise<{ records: CaseRecord[]; lastKey?: Record<string, unknown> }> {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: {
            ':pk': keys.assignee(tenantId, practiceId, assignee),
            ...(options.status ? { ':status': options.status } : {}),
          },
          ...(options.status
            ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
            : {}),
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: options.start,
        }),
      );
      const records = (page.Items ?? []).map((raw) => {
        const { pk: _pk, sk: _sk, kind: _kind, gsi1pk: _g, gsi1sk: _s, ...record } = raw;
        return record as CaseRecord;
      });
      return { records, ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}) };
    },

    /** Writes a new case, claiming its referral so one referral never opens two cases. */
    create(tenantId: string, record: CaseRecord): StateWrite[] {
      const { caseId, referralId, patientId } = record.case;
      return [
        {
          Put: {
            TableName: tableName,
            Item: item(tenantId, record),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.referral(tenantId, referralId), caseId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          onConditionFailed: () => new ConflictError('A case already exists for this referral'),
        },
        {
          Put: {
            TableName: tableName,
            Item: { pk: keys.patientPk(tenantId, patientId), sk: `CASE#${caseId}`, caseId },
          },
        },
      ];
    },

    /** Replaces the case if nobody changed it since `record.version - 1` was read. */
    save(tenantId: string, record: CaseRecord): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: item(tenantId, record),
          ConditionExpression: '#version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': record.version - 1 },
        },
        onConditionFailed: () =>
          new ConflictError('The case was changed concurrently; read it again and retry'),
      };
    },

    async getAssessment(
      tenantId: string,
      caseId: string,
    ): Promise<{ assessment: Assessment; version: number } | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.assessment(tenantId, caseId),
          ConsistentRead: true,
        }),
      );
      return Item
        ? { assessment: Item.assessment as Assessment, version: Item.version as number }
        : undefined;
    },

    saveAssessment(tenantId: string, assessment: Assessment, version: number): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: { ...keys.assessment(tenantId, assessment.caseId), assessment, version },
          ...(version === 1
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :read',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':read': version - 1 },
              }),
        },
        onConditionFailed: () =>
          new ConflictError('The assessment was changed concurrently; read it again and retry'),
      };
    },

    async listTasks(tenantId: string, caseId: string): Promise<ReviewTaskRecord[]> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :task)',
          ExpressionAttributeValues: { ':pk': keys.casePk(tenantId, caseId), ':task': keys.taskPrefix },
          ConsistentRead: true,
        }),
      );
      return (Items ?? []).map(toTaskRecord);
    },

    async getTask(tenantId: string, caseId: string, taskKey: string): Promise<ReviewTaskRecord | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.task(tenantId, caseId, taskKey),
          ConsistentRead: true,
        }),
      );
      return Item ? toTaskRecord(Item) : undefined;
    },

    /** Marks an open task done, unless someone completed it meanwhile. */
    completeTask(tenantId: string, task: ReviewTaskRecord): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: keys.task(tenantId, task.caseId, task.taskKey),
          UpdateExpression: 'SET #status = :done, completed = :completed',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#status) OR #status = :open)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':open': 'open',
            ':completed': task.completed ?? null,
          },
        },
        onConditionFailed: () => new TaskAlreadyDoneError(task.taskKey),
      };
    },

    async hasTask(tenantId: string, caseId: string, taskKey: string): Promise<boolean> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.task(tenantId, caseId, taskKey),
          ConsistentRead: true,
        }),
      );
      return Item !== undefined;
    },

    putTask(tenantId: string, task: CarePlanReviewTask): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: { ...keys.task(tenantId, task.caseId, task.taskKey), task, status: 'open' },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },

    /** Deadline entries for the daily overdue run. */
    addDeadlines(tenantId: string, current: Case, deadlines: readonly MilestoneDeadline[]): StateWrite[] {
      return deadlines.map(({ milestone, dueDate }) => ({
        Put: {
          TableName: tableName,
          Item: {
            ...keys.deadline(tenantId, dueDate, current.caseId, milestone),
            caseId: current.caseId,
            milestone,
            dueDate,
            timeZone: current.timeZone,
          },
        },
      }));
    },

    removeDeadlines(tenantId: string, caseId: string, deadlines: readonly MilestoneDeadline[]): StateWrite[] {
      return deadlines.map(({ milestone, dueDate }) => ({
        Delete: { TableName: tableName, Key: keys.deadline(tenantId, dueDate, caseId, milestone) },
      }));
    },

    /** Deadline entries due on or before `lastDate` (inclusive). */
    async deadlinesUpTo(tenantId: string, lastDate: string): Promise<DeadlineItem[]> {
      const found: DeadlineItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND sk <= :last',
            ExpressionAttributeValues: { ':pk': keys.deadlinesPk(tenantId), ':last': `${lastDate}#~` },
            ExclusiveStartKey: start,
          }),
        );
        found.push(...((page.Items ?? []) as DeadlineItem[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    },

    /** Removes a deadline entry that must still exist, so two runs never both report it. */
    consumeDeadline(tenantId: string, sk: string): StateWrite {
      return {
        Delete: {
          TableName: tableName,
          Key: { pk: keys.deadlinesPk(tenantId), sk },
          ConditionExpression: 'attribute_exists(pk)',
        },
        onConditionFailed: () => new DeadlineAlreadyReported(),
      };
    },
  };
}

/** Another run reported this deadline first. */
export class DeadlineAlreadyReported extends Error {
  override name = 'DeadlineAlreadyReported';
}

export type CaseStore = ReturnType<typeof caseStore>;
