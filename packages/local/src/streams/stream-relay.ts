import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { compareSequence, memoryCheckpoints, type StreamCheckpoints } from './checkpoints';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

interface ShardState {
  shardId: string;
  iterator: string | undefined;
  /** Records at or below this sequence number were handled before a restart: skip them. */
  skipThrough?: string | undefined;
  /** Sequence number of the last record read, to resume after an expired or trimmed iterator. */
  lastSequence?: string;
  pending: DynamoDBRecord[];
  closed: boolean;
  retryAt: number;
}

/** The event source mapping filter infra installs: only outbox items, only when inserted. */
export function isOutboxInsert(record: DynamoDBRecord): boolean {
  return record.eventName === 'INSERT' && record.dynamodb?.NewImage?.kind?.S === 'outbox';
}

function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const data = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(data?.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(data.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: data?.Keys as never,
      NewImage: data?.NewImage as never,
      OldImage: data?.OldImage as never,
      SequenceNumber: data?.SequenceNumber,
      SizeBytes: data?.SizeBytes,
      StreamViewType: data?.StreamViewType as 'NEW_AND_OLD_IMAGES',
    },
  };
}

/**
 * Reads a table's DynamoDB Local stream shard by shard, in order, and invokes the stream function
 * as Lambda's event source mapping does: filtered records in batches, retried from the first
 * reported failure with backoff, nothing skipped.
 */
export class StreamRelay {
  private readonly shards = new Map<string, ShardState>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private delivering = false;
  /** Whether the last read found records: new work may still be on its way to the handler. */
  private sawRecords = false;
  /** When the latest read that found nothing to deliver began (0: none yet). */
  private emptyReadStartedAt = 0;
  private lastDiscovery = 0;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    readonly streamArn: string,
    private readonly handler: () => Promise<StreamHandler>,
    private readonly options: {
      pollMs?: number;
      batchSize?: number;
      filter?: (r: DynamoDBRecord) => boolean;
      checkpoints?: StreamCheckpoints;
    } = {},
  ) {
    this.checkpoints = options.checkpoints ?? memoryCheckpoints();
  }

  private readonly checkpoints: StreamCheckpoints;

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** True when every record read so far has been delivered. */
  isIdle(): boolean {
    return (
      !this.delivering && !this.sawRecords && [...this.shards.values()].every((s) => s.pending.length === 0)
    );
  }

  /**
   * True when a read that began at or after `time` found nothing to deliver. Idle alone is not
   * enough: a read in flight when a record is written may still come back empty.
   */
  hasReadEmptySince(time: number): boolean {
    return this.isIdle() && this.emptyReadStartedAt >= time;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async discover(): Promise<void> {
    const { StreamDescription } = await this.client.send(
      new DescribeStreamCommand({ StreamArn: this.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
      // A shard this relay has read before continues after its checkpoint; any other shard is read
      // from its oldest record, skipping what the checkpoints say was handled before a restart.
      const checkpoint = this.checkpoints.get(shard.ShardId);
      const state: ShardState = {
        shardId: shard.ShardId,
        iterator: undefined,
        pending: [],
        closed: false,
        retryAt: 0,
        ...(checkpoint ? { lastSequence: checkpoint } : { skipThrough: this.checkpoints.highWater() }),
      };
      await this.reopen(state);
      this.shards.set(shard.ShardId, state);
    }
    this.lastDiscovery = Date.now();
  }

  private async tick(): Promise<void> {
    let again = false;
    const startedAt = Date.now();
    try {
      if (Date.now() - this.lastDiscovery > 1000 || this.shards.size === 0) await this.discover();
      let sawRecords = false;
      for (const state of this.shards.values()) {
        try {
          sawRecords = (await this.pump(state)) || sawRecords;
        } catch (error) {
          const name = (error as Error).name;
          if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
          // As Lambda's poller does: take a fresh iterator after the last record read.
          await this.reopen(state);
          sawRecords = true;
        }
      }
      this.sawRecords = sawRecords;
      if (this.isIdle()) this.emptyReadStartedAt = startedAt;
      // Lambda's poller reads ahead while the function runs, so a shard with a backlog gets its next
      // batch as soon as the last one returns; only an empty read waits out the poll interval.
      again = sawRecords;
    } catch (error) {
      // DynamoDB Local briefly unavailable (start-up, shutdown): try again on the next tick.
      if (process.env.CARELINK_DEBUG_RELAY) console.error('relay tick failed', error);
    } finally {
      this.schedule(again ? 0 : (this.options.pollMs ?? 50));
    }
  }

  /** A fresh iterator after the last record read; from the oldest record when there is none. */
  private async reopen(state: ShardState): Promise<void> {
    const iterator = (position: Pick<GetShardIteratorCommandInput, 'ShardIteratorType' | 'SequenceNumber'>) =>
      this.client.send(
        new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: state.shardId, ...position }),
      );
    const after = state.lastSequence;
    if (!after) {
      state.iterator = (await iterator({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
      return;
    }
    try {
      state.iterator = (
        await iterator({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after })
      ).ShardIterator;
    } catch {
      // The position is no longer in the stream: read what is left and skip what was handled.
      state.skipThrough = after;
      state.iterator = (await iterator({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
    }
  }

  /** Reads the shard and delivers what is pending; true when the read returned any record. */
  private async pump(state: ShardState): Promise<boolean> {
    let read = 0;
    if (!state.closed && state.iterator && state.pending.length < 1000) {
      const { Records = [], NextShardIterator } = await this.client.send(
        new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }),
      );
      state.iterator = NextShardIterator;
      read = Records.length;
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) state.lastSequence = last;
      if (!NextShardIterator) state.closed = true;
      const filter = this.options.filter ?? isOutboxInsert;
      const { skipThrough } = state;
      const fresh = skipThrough
        ? Records.filter((r) => compareSequence(r.dynamodb?.SequenceNumber ?? '0', skipThrough) > 0)
        : Records;
      state.pending.push(...fresh.map((r) => toLambdaRecord(r, this.streamArn)).filter(filter));
    }
    if (state.pending.length === 0) {
      if (state.lastSequence) this.checkpoints.set(state.shardId, state.lastSequence);
      return read > 0;
    }
    if (Date.now() < state.retryAt) return read > 0;
    const batch = state.pending.slice(0, this.options.batchSize ?? 100);
    let failedFrom = -1;
    this.delivering = true;
    try {
      const response = await (await this.handler())({ Records: batch });
      const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed)
        failedFrom = Math.max(
          0,
          batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed),
        );
    } catch (error) {
      if (process.env.CARELINK_DEBUG_RELAY) console.error('relay handler failed', error);
      failedFrom = 0;
    } finally {
      this.delivering = false;
    }
    if (failedFrom < 0) {
      state.pending.splice(0, batch.length);
      state.retryAt = 0;
      // Everything read is handled once nothing is pending; otherwise up to this batch's last record.
      const handled =
        state.pending.length === 0 ? state.lastSequence : batch.at(-1)?.dynamodb?.SequenceNumber;
      if (handled) this.checkpoints.set(state.shardId, handled);
    } else {
      state.pending.splice(0, failedFrom);
      state.retryAt = Date.now() + 200;
    }
    return read > 0;
  }
}

export function streamsClient(endpoint: string): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({ endpoint });
}
