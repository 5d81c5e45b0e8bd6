import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PreconditionFailedError, type ServiceRuntime, type StateWrite } from '@carelink/lambda-kit';
import type { CarePlan } from '../domain/care-plan';
import type { Program } from '../domain/program';
import type { CarePlanVersion, VersionedCarePlan } from '../domain/versions';
import { keys } from './keys';

/** The current version of an established plan, without its history. */
export interface PlanHead {
  planId: string;
  caseId: string;
  program: Program;
  version: number;
  plan: CarePlan;
  changedAt: string;
  changedBy: string;
}

/** A draft not yet established. */
export interface PlanDraft {
  plan: CarePlan;
  updatedAt: string;
  updatedBy: string;
}

/** Care plans: a head item (current version), one immutable item per version, and an optional draft. */
export function planStore(runtime: ServiceRuntime) {
  const { db, tableName } = runtime;
  return {
    async head(tenantId: string, caseId: string): Promise<PlanHead | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.planHead(tenantId, caseId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...head } = Item;
      return head as PlanHead;
    },

    async draft(tenantId: string, caseId: string): Promise<PlanDraft | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.planDraft(tenantId, caseId), ConsistentRead: true }),
      );
      return Item
        ? { plan: Item.plan as CarePlan, updatedAt: Item.updatedAt, updatedBy: Item.updatedBy }
        : undefined;
    },

    /** The plan with its full history, as the domain revises and exports it. */
    async versioned(tenantId: string, caseId: string): Promise<VersionedCarePlan | undefined> {
      const head = await this.head(tenantId, caseId);
      if (!head) return undefined;
      const versions: CarePlanVersion[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
            ExpressionAttributeValues: { ':pk': keys.casePk(tenantId, caseId), ':v': keys.planVersionPrefix },
            ExclusiveStartKey: start,
            ConsistentRead: true,
          }),
        );
        versions.push(...((page.Items ?? []).map((i) => i.entry) as CarePlanVersion[]));
        start = page.LastEvaluatedKey;
      } while (start);
      const upToHead = versions.filter((v) => v.version <= head.version);
      return {
        planId: head.planId,
        caseId,
        tenantId,
        program: head.program,
        version: head.version,
        plan: head.plan,
        versions: upToHead,
      };
    },

    async version(tenantId: string, caseId: string, version: number): Promise<CarePlanVersion | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.planVersion(tenantId, caseId, version) }),
      );
      return Item?.entry as CarePlanVersion | undefined;
    },

    /**
     * Writes a new current version: the head moves only from the version the caller read, and each
     * version item is written once, so a stale write can never replace a newer plan.
     */
    saveVersion(tenantId: string, plan: VersionedCarePlan, previousVersion: number): StateWrite[] {
      const entry = plan.versions[plan.versions.length - 1]!;
      const head: PlanHead = {
        planId: plan.planId,
        caseId: plan.caseId,
        program: plan.program,
        version: plan.version,
        plan: plan.plan,
        changedAt: entry.changedAt,
        changedBy: entry.changedBy,
      };
      const stale = () => new PreconditionFailedError();
      return [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.planHead(tenantId, plan.caseId), ...head },
            ...(previousVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#version = :read',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':read': previousVersion },
                }),
          },
          onConditionFailed: stale,
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.planVersion(tenantId, plan.caseId, plan.version), entry },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          onConditionFailed: stale,
        },
      ];
    },

    saveDraft(tenantId: string, caseId: string, draft: PlanDraft): StateWrite {
      return { Put: { TableName: tableName, Item: { ...keys.planDraft(tenantId, caseId), ...draft } } };
    },

    deleteDraft(tenantId: string, caseId: string): StateWrite {
      return { Delete: { TableName: tableName, Key: keys.planDraft(tenantId, caseId) } };
    },
  };
}

export type PlanStore = ReturnType<typeof planStore>;
