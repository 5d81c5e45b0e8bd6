import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ServiceRuntime, type StateWrite, tenantKey } from '@carelink/lambda-kit';
import type { AccessLogEntry } from '../domain/access-log';

/** Six years, as HIPAA asks of access documentation; the table's TTL removes it after. */
const RETENTION_YEARS = 6;

const partition = (tenantId: string, patientId: string) => tenantKey(tenantId, 'PATIENT-ACCESS', patientId);

/** Accesses to a patient's records, newest last, as the partners who referred them may see them. */
export function createAccessLogStore(runtime: ServiceRuntime) {
  function put(tenantId: string, patientId: string, eventId: string, entry: AccessLogEntry): StateWrite {
    const expires = new Date(entry.at);
    expires.setUTCFullYear(expires.getUTCFullYear() + RETENTION_YEARS);
    return {
      Put: {
        TableName: runtime.tableName,
        Item: {
          pk: partition(tenantId, patientId),
          sk: `${entry.at}#${eventId}`,
          kind: 'patient-access',
          ...entry,
          expiresAt: Math.floor(expires.getTime() / 1000),
        },
      },
    };
  }

  /** A page of the patient's accesses at or after `since`, newest first. */
  async function page(
    tenantId: string,
    patientId: string,
    since: string,
    options: { limit: number; startKey?: Record<string, unknown> | undefined },
  ): Promise<{ items: AccessLogEntry[]; lastKey?: Record<string, unknown> }> {
    const out = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': partition(tenantId, patientId), ':since': since },
        ScanIndexForward: false,
        Limit: options.limit,
        ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
      }),
    );
    const items = (out.Items ?? []).map(
      ({ pk: _pk, sk: _sk, kind: _kind, expiresAt: _e, ...entry }) => entry as AccessLogEntry,
    );
    return { items, ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
  }

  return { put, page };
}

export type AccessLogStore = ReturnType<typeof createAccessLogStore>;
