import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AccessRecordedData, EventMetadata } from '@carelink/contracts';
import type { AccessRecordResource } from '@carelink/contracts/api/audit';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import { retentionExpiry } from '../domain/retention';
import type { AuditViewer } from '../domain/viewer';
import { keys } from './keys';

type AccessData = z.output<typeof AccessRecordedData>;

/** One stored access record, as `GET /v1/audit` returns it. */
export type AccessRecord = z.output<typeof AccessRecordResource>;

export interface TrailQuery {
  patientId?: string | undefined;
  subject?: string | undefined;
  /** Inclusive bounds, as UTC ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
  startKey?: Record<string, unknown> | undefined;
  limit: number;
}

export interface TrailPage {
  items: AccessRecord[];
  lastKey?: Record<string, unknown> | undefined;
}

/** Query round trips per page when a filter (practice, subject) skips records. */
const MAX_ROUNDS = 5;

const storageAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'kind', 'expiresAt', 'recordedAt']);

function toRecord(item: Record<string, unknown>): AccessRecord {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !storageAttributes.has(name)),
  ) as unknown as AccessRecord;
}

/**
 * The append-only access trail. Records are only ever put, once, under a condition that the key is
 * new; there is no update or delete. They expire by TTL after the retention period.
 */
export function createAccessTrailStore(runtime: ServiceRuntime) {
  /** The partition a query reads: the patient's trail when given, else the subject's. */
  function partitionOf(viewer: AuditViewer, query: Pick<TrailQuery, 'patientId' | 'subject'>) {
    if (query.patientId)
      return { attribute: 'pk', value: keys.patientTrail(viewer.tenantId, query.patientId) } as const;
    if (query.subject)
      return { attribute: 'gsi1pk', value: keys.subjectTrail(viewer.tenantId, query.subject) } as const;
    throw new Error('a trail query needs a patient or a subject');
  }

  /** The write that appends one access record (a redelivered event finds it present and is dropped). */
  function append(metadata: EventMetadata, data: AccessData): StateWrite {
    const at = new Date(data.at);
    const atIso = at.toISOString();
    const { tenantId, eventId, correlationId } = metadata;
    const sort = keys.accessSort(atIso, eventId);
    return {
      Put: {
        TableName: runtime.tableName,
        Item: {
          pk: data.patientId
            ? keys.patientTrail(tenantId, data.patientId)
            : keys.unattributed(tenantId, eventId),
          sk: sort,
          gsi1pk: keys.subjectTrail(tenantId, data.subject),
          gsi1sk: sort,
          kind: 'access',
          ...data,
          at: atIso,
          eventId,
          correlationId,
          recordedAt: runtime.clock().toISOString(),
          expiresAt: retentionExpiry(at),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Newest first, within the viewer's tenant and practice. */
  async function list(viewer: AuditViewer, query: TrailQuery): Promise<TrailPage> {
    const partition = partitionOf(viewer, query);
    const sortAttribute = partition.attribute === 'pk' ? 'sk' : 'gsi1sk';
    const range = keys.accessRange(query.from, query.to);
    const filters: string[] = [];
    const values: Record<string, unknown> = {
      ':partition': partition.value,
      ':lower': range.lower,
      ':upper': range.upper,
    };
    if (viewer.practiceId) {
      filters.push('practiceId = :practice');
      values[':practice'] = viewer.practiceId;
    }
    if (query.patientId && query.subject) {
      filters.push('subject = :subject');
      values[':subject'] = query.subject;
    }
    const base: QueryCommandInput = {
      TableName: runtime.tableName,
      ...(partition.attribute === 'gsi1pk' ? { IndexName: 'gsi1' } : {}),
      KeyConditionExpression: `${partition.attribute} = :partition AND ${sortAttribute} BETWEEN :lower AND :upper`,
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
    };

    const items: AccessRecord[] = [];
    let startKey = query.startKey;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // Never ask for more than the page still needs, so the last evaluated key is exact.
      const page = await runtime.db.send(
        new QueryCommand({ ...base, Limit: query.limit - items.length, ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []).map(toRecord));
      startKey = page.LastEvaluatedKey;
      if (!startKey || items.length >= query.limit) break;
    }
    return { items, lastKey: startKey };
  }

  return { append, partitionOf, list };
}

export type AccessTrailStore = ReturnType<typeof createAccessTrailStore>;
