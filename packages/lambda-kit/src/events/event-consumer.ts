import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import {
  DomainError,
  type EventContract,
  type EventDetail,
  InvalidEventError,
  parseEvent,
} from '@carelink/contracts';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { addLogKeys, invocationKeys, withLogScope } from '../observability/log-scope';
import { MetricUnit } from '../observability/metrics';
import { type Commit, commitTransaction, DuplicateEventError } from '../outbox/commit';
import type { ServiceRuntime } from '../runtime';
import { type DeadLetterSink, SqsDeadLetterSink } from './dead-letters';

/** A validated event of one of the contracts a consumer accepts. */
export type ConsumedEvent<Cs extends readonly EventContract[]> = {
  [K in keyof Cs]: { contract: Cs[K]; detail: EventDetail<Cs[K]> };
}[number];

export interface EventConsumerOptions<Cs extends readonly EventContract[]> {
  /** Unique per service; names the inbox marker, so two consumers of one event both run once. */
  name: string;
  contracts: Cs;
  /**
   * Returns the state change the event causes (committed with the inbox marker), or nothing. Long
   * work can ask the invocation how much of its time is left.
   */
  handle: (event: ConsumedEvent<Cs>, invocation: InvocationTime) => Promise<Commit | undefined>;
  deadLetters?: DeadLetterSink;
}

/** What a handler may ask of the invocation it runs in. */
export interface InvocationTime {
  /** Milliseconds until Lambda stops the invocation. */
  remainingMs(): number;
}

/** A lost optimistic-concurrency race: expected under load, retried by redelivery. */
const isExpectedRace = (error: unknown) =>
  error instanceof DomainError &&
  (error.problemType === 'conflict' || error.problemType === 'precondition-failed');

/**
 * SQS-buffered EventBridge consumer: parses each record against the accepted contracts, applies the
 * event's effects and its inbox marker in one transaction (so a duplicate delivery changes nothing),
 * reports partial batch failures for retry, and sends poison messages (no matching contract, invalid
 * data) to the dead-letter queue at once with the reason.
 */
export function eventConsumer<const Cs extends readonly EventContract[]>(
  runtime: ServiceRuntime,
  options: EventConsumerOptions<Cs>,
): middy.MiddyfiedHandler<SQSEvent, SQSBatchResponse, Error, Context> {
  const { logger, metrics } = runtime;
  const deadLetters = options.deadLetters ?? new SqsDeadLetterSink();

  async function processRecord(record: SQSRecord, invocation: InvocationTime): Promise<void> {
    let event: ConsumedEvent<Cs>;
    try {
      event = parseEvent(options.contracts, JSON.parse(record.body)) as ConsumedEvent<Cs>;
    } catch (error) {
      const reason =
        error instanceof InvalidEventError
          ? [error.message, ...error.issues].join(': ')
          : 'message body is not JSON';
      logger.warn('poison message sent to the dead-letter queue', { messageId: record.messageId, reason });
      metrics.addMetric('PoisonMessage', MetricUnit.Count, 1);
      await deadLetters.send({
        sourceQueueArn: record.eventSourceARN,
        body: record.body,
        reason,
        consumer: options.name,
      });
      return;
    }
    const { metadata } = event.detail;
    addLogKeys({
      correlationId: metadata.correlationId,
      eventId: metadata.eventId,
      tenantId: metadata.tenantId,
    });
    const commit = (await options.handle(event, invocation)) ?? { writes: [], events: [] };
    try {
      await commitTransaction(runtime, commit, {
        tenantId: metadata.tenantId,
        correlationId: metadata.correlationId,
        inbox: { eventId: metadata.eventId, consumer: options.name },
      });
      metrics.addMetric('EventProcessed', MetricUnit.Count, 1);
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      logger.info('duplicate event ignored', { detailType: event.contract.detailType });
      metrics.addMetric('DuplicateEvent', MetricUnit.Count, 1);
    }
  }

  /** Each record in a scope of its own: one record's tenant never labels the next one's lines. */
  const recordHandlerIn =
    (context: Context) =>
    (record: SQSRecord): Promise<void> =>
      withLogScope(
        { ...invocationKeys(context), consumer: options.name, messageId: record.messageId },
        async () => {
          try {
            await processRecord(record, { remainingMs: () => context.getRemainingTimeInMillis() });
          } catch (error) {
            if (isExpectedRace(error)) {
              // Another writer got there first; the redelivery reads the new state. Not a fault.
              logger.info('event will be retried after a concurrent change', {
                errorName: (error as Error).name,
              });
            } else {
              logger.error('event processing failed; it will be retried', { error: error as Error });
            }
            throw error;
          }
        },
      );

  return middy<SQSEvent, SQSBatchResponse>()
    .use(logMetrics(metrics))
    .handler(async (event, context) => {
      metrics.addMetric('MessagesReceived', MetricUnit.Count, event.Records.length);
      return processPartialResponse(event, recordHandlerIn(context), new BatchProcessor(EventType.SQS), {
        context,
        // In order within a batch, so per-aggregate versions arrive as they were published.
        processInParallel: false,
        throwOnFullBatchFailure: false,
      });
    });
}
