import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export interface QueueMessage {
  messageId: string;
  body: string;
  attributes: Record<string, string>;
  receiveCount: number;
  sentAt: number;
  firstReceivedAt?: number;
  visibleAt: number;
  /** Why the message is in a DLQ: the poison reason, or the last error before max receives. */
  reason?: string;
}

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/**
 * Lambda's SQS pollers add batches while messages wait, up to the mapping's maximum concurrency;
 * production caps it at the consumer's reserved concurrency, 10. Fewer here and a steady writer
 * outruns the consumer, so the queue (and every event's latency) grows for as long as it writes.
 */
const DEFAULT_MAX_CONCURRENCY = 10;

export interface LocalQueueOptions {
  name: string;
  visibilityTimeoutMs: number;
  maxReceiveCount?: number;
  deadLetterQueue?: LocalQueue;
  /** Concurrent batches, as the event source mapping's maximum concurrency (default 10). */
  maxConcurrency?: number;
  region?: string;
  account?: string;
}

/**
 * An SQS queue as Lambda's event source mapping sees it: at-least-once delivery in batches,
 * visibility timeout, receive counts, partial batch failures, and a redrive to a dead-letter queue
 * once `maxReceiveCount` is exceeded.
 */
export class LocalQueue {
  readonly arn: string;
  readonly url: string;
  private readonly messages: QueueMessage[] = [];
  private consumer: { handler: BatchHandler; batchSize: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly inFlightIds = new Set<string>();
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private readonly processedListeners = new Set<(message: QueueMessage, succeeded: boolean) => void>();

  constructor(readonly options: LocalQueueOptions) {
    const region = options.region ?? 'us-east-1';
    const account = options.account ?? '000000000000';
    this.arn = `arn:aws:sqs:${region}:${account}:${options.name}`;
    this.url = `https://sqs.${region}.amazonaws.com/${account}/${options.name}`;
  }

  get name(): string {
    return this.options.name;
  }

  /** Attaches the function that polls this queue (at most one, as with one event source mapping). */
  attach(handler: BatchHandler, batchSize: number): void {
    this.consumer = { handler, batchSize };
    this.schedule(0);
  }

  send(body: string, attributes: Record<string, string> = {}, reason?: string): QueueMessage {
    const now = Date.now();
    const message: QueueMessage = {
      messageId: randomUUID(),
      body,
      attributes,
      receiveCount: 0,
      sentAt: now,
      visibleAt: now,
      ...(reason ? { reason } : {}),
    };
    this.messages.push(message);
    this.schedule(0);
    return message;
  }

  /** Every message still in the queue (visible or in flight). */
  list(): readonly QueueMessage[] {
    return [...this.messages];
  }

  get depth(): number {
    return this.messages.length;
  }

  /** Moves every message of this (dead-letter) queue back to `target` with a fresh receive count. */
  redriveTo(target: LocalQueue): number {
    const moved = this.messages.splice(0);
    for (const message of moved) target.send(message.body, message.attributes);
    return moved.length;
  }

  /** Observes every delivery outcome (benchmarks measure end-to-end latency with it). */
  onProcessed(listener: (message: QueueMessage, succeeded: boolean) => void): () => void {
    this.processedListeners.add(listener);
    return () => this.processedListeners.delete(listener);
  }

  /** Resolves when nothing is visible or in flight (messages waiting on a visibility timeout count). */
  async idle(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  isIdle(): boolean {
    return this.inFlight === 0 && this.messages.length === 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped || !this.consumer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), Math.max(0, delayMs));
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /**
   * Up to `count` visible messages, oldest first, each made invisible for the visibility timeout;
   * messages over the receive limit go to the dead-letter queue instead. One pass over the queue
   * for every batch a poll starts (not one per batch: with a backlog that pass is the poll's cost).
   */
  private receive(now: number, batches: number): QueueMessage[][] {
    const batchSize = this.consumer?.batchSize ?? 10;
    const received: QueueMessage[] = [];
    const max = this.options.maxReceiveCount;
    const dlq = this.options.deadLetterQueue;
    const kept: QueueMessage[] = [];
    for (const message of this.messages) {
      if (received.length >= batches * batchSize || message.visibleAt > now) {
        kept.push(message);
        continue;
      }
      if (max !== undefined && message.receiveCount >= max && dlq) {
        dlq.send(message.body, message.attributes, message.reason ?? 'max receive count exceeded');
        continue;
      }
      message.receiveCount++;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + this.options.visibilityTimeoutMs;
      received.push(message);
      kept.push(message);
    }
    if (kept.length !== this.messages.length) this.messages.splice(0, this.messages.length, ...kept);
    const result: QueueMessage[][] = [];
    for (let i = 0; i < received.length; i += batchSize) result.push(received.slice(i, i + batchSize));
    return result;
  }

  private remove(message: QueueMessage): void {
    const index = this.messages.indexOf(message);
    if (index >= 0) this.messages.splice(index, 1);
  }

  /** Starts batches while messages are visible, up to the mapping's concurrency, like Lambda pollers. */
  private poll(): void {
    if (this.stopped || !this.consumer) return;
    const maxConcurrency = this.options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    if (this.inFlight < maxConcurrency) {
      for (const batch of this.receive(Date.now(), maxConcurrency - this.inFlight)) {
        this.inFlight++;
        void this.process(batch);
      }
    }
    this.notifyIdle();
    if (this.inFlight >= maxConcurrency) return;
    let next = Number.POSITIVE_INFINITY;
    for (const m of this.messages) if (!this.inFlightIds.has(m.messageId)) next = Math.min(next, m.visibleAt);
    if (Number.isFinite(next)) this.schedule(next - Date.now());
  }

  private async process(batch: QueueMessage[]): Promise<void> {
    for (const message of batch) this.inFlightIds.add(message.messageId);
    let failedIds: Set<string>;
    try {
      const response = await this.consumer?.handler({ Records: batch.map((m) => this.toRecord(m)) });
      const reported = (response?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
      // Lambda treats an unknown or empty identifier as a failure of the whole batch.
      const known = new Set(batch.map((m) => m.messageId));
      failedIds = reported.some((id) => !id || !known.has(id)) ? known : new Set(reported);
      for (const message of batch) {
        if (failedIds.has(message.messageId)) message.reason = 'reported as a batch item failure';
      }
    } catch (error) {
      failedIds = new Set(batch.map((m) => m.messageId));
      for (const message of batch) message.reason = `function error: ${(error as Error).name}`;
    } finally {
      this.inFlight--;
      for (const message of batch) this.inFlightIds.delete(message.messageId);
    }
    for (const message of batch) {
      const succeeded = !failedIds.has(message.messageId);
      if (succeeded) this.remove(message);
      for (const listener of this.processedListeners) listener(message, succeeded);
    }
    this.schedule(0);
  }

  private toRecord(message: QueueMessage): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: `${message.messageId}#${message.receiveCount}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      },
      messageAttributes: Object.fromEntries(
        Object.entries(message.attributes).map(([k, v]) => [k, { stringValue: v, dataType: 'String' }]),
      ) as SQSRecord['messageAttributes'],
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: 'us-east-1',
    };
  }
}
