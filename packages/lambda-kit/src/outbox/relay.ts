import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../observability/logger';
import type { OutboxItem } from './commit';

const PUT_EVENTS_BATCH = 10;

export interface RelayDependencies {
  eventBridge: EventBridgeClient;
  eventBusName: string;
  logger: Logger;
  /** Attempts per PutEvents entry before the stream record is reported failed. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

function outboxItemOf(record: DynamoDBRecord): OutboxItem | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  return item.kind === 'outbox' ? (item as OutboxItem) : undefined;
}

/**
 * The outbox relay: turns outbox items inserted on a service table's stream into `PutEvents` entries
 * (batches of 10, only failed entries retried with backoff). It writes nothing back: an item expires
 * by its own TTL, and a record the stream hands over again (a crash after publishing) republishes
 * the same event id, which consumers drop as a duplicate. An entry that keeps failing is reported
 * as a batch item failure, so Lambda retries from that record on and nothing after it is lost.
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

  // Report the earliest failed record: Lambda resumes the shard from there, keeping order.
  const firstFailed = event.Records.find((record) => failedRecords.has(record));
  return {
    batchItemFailures: firstFailed?.dynamodb?.SequenceNumber
      ? [{ itemIdentifier: firstFailed.dynamodb.SequenceNumber }]
      : [],
  };
}
