import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../observability/logger';
import type { OutboxItem } from './commit';

/** Sent outbox items are kept a week for inspection, then expire. */
const SENT_TTL_SECONDS = 7 * 24 * 3600;
const PUT_EVENTS_BATCH = 10;

export interface RelayDependencies {
  db: DynamoDBDocumentClient;
  eventBridge: EventBridgeClient;
  eventBusName: string;
  logger: Logger;
  clock: () => Date;
  /** Attempts per PutEvents entry before the stream record is reported failed. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The table name of a DynamoDB stream ARN (`arn:aws:dynamodb:r:a:table/NAME/stream/LABEL`). */
export function tableNameFromStreamArn(arn: string): string {
  const match = /:table\/([^/]+)\/stream\//.exec(arn);
  if (!match?.[1]) throw new Error('not a DynamoDB stream ARN');
  return match[1];
}

function outboxItemOf(record: DynamoDBRecord): OutboxItem | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  return item.kind === 'outbox' ? (item as OutboxItem) : undefined;
}

/**
 * The outbox relay: turns outbox items inserted on a service table's stream into `PutEvents` entries
 * (batches of 10, only failed entries retried with backoff), then marks them sent. A crash between
 * publish and mark-sent republishes the same event id, which consumers drop as a duplicate; an entry
 * that keeps failing is reported as a batch item failure, so Lambda retries from that record on and
 * nothing after it is lost.
 */
export async function relayOutbox(
  event: DynamoDBStreamEvent,
  deps: RelayDependencies,
): Promise<DynamoDBBatchResponse> {
  const maxAttempts = deps.maxAttempts ?? 5;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pending = event.Records.flatMap((record) => {
    const item = outboxItemOf(record);
    return item ? [{ record, item }] : [];
  });

  const failedRecords = new Set<DynamoDBRecord>();
  const published: { record: DynamoDBRecord; item: OutboxItem }[] = [];
  for (let start = 0; start < pending.length; start += PUT_EVENTS_BATCH) {
    let batch = pending.slice(start, start + PUT_EVENTS_BATCH);
    for (let attempt = 1; batch.length > 0; attempt++) {
      const entries: PutEventsRequestEntry[] = batch.map(({ item }) => ({
        EventBusName: deps.eventBusName,
        Source: item.source,
        DetailType: item.detailType,
        Detail: item.detail,
        Time: new Date(item.createdAt),
      }));
      let failedIndexes: number[];
      try {
        const result = await deps.eventBridge.send(new PutEventsCommand({ Entries: entries }));
        failedIndexes = (result.Entries ?? []).flatMap((entry, i) => (entry.ErrorCode ? [i] : []));
        if ((result.FailedEntryCount ?? 0) > 0 && failedIndexes.length === 0)
          failedIndexes = batch.map((_, i) => i);
      } catch (error) {
        deps.logger.warn('PutEvents failed', { error: error as Error, attempt });
        failedIndexes = batch.map((_, i) => i);
      }
      published.push(...batch.filter((_, i) => !failedIndexes.includes(i)));
      batch = batch.filter((_, i) => failedIndexes.includes(i));
      if (batch.length > 0 && attempt >= maxAttempts) {
        for (const { record } of batch) failedRecords.add(record);
        deps.logger.error('outbox entries not published; the stream will retry them', {
          count: batch.length,
        });
        break;
      }
      if (batch.length > 0) await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }

  // Marking is bookkeeping, done once for the whole invocation: an unmarked item only means a
  // duplicate if the stream hands it over again, which consumers absorb.
  await Promise.all(published.map(({ record, item }) => markSent(deps, record, item)));

  // Report the earliest failed record: Lambda resumes the shard from there, keeping order.
  const firstFailed = event.Records.find((record) => failedRecords.has(record));
  return {
    batchItemFailures: firstFailed?.dynamodb?.SequenceNumber
      ? [{ itemIdentifier: firstFailed.dynamodb.SequenceNumber }]
      : [],
  };
}

async function markSent(deps: RelayDependencies, record: DynamoDBRecord, item: OutboxItem): Promise<void> {
  const now = deps.clock();
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: tableNameFromStreamArn(record.eventSourceARN ?? ''),
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET sentAt = :now, expiresAt = :expires',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':expires': Math.floor(now.getTime() / 1000) + SENT_TTL_SECONDS,
        },
      }),
    );
  } catch (error) {
    // The event is out; failing to mark it only means a later duplicate, which consumers absorb.
    deps.logger.warn('could not mark outbox item sent', { error: error as Error });
  }
}
