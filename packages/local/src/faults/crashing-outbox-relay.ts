import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { createLogger, type RelayDependencies, relayOutbox, requireEnv } from '@carelink/lambda-kit';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StreamHandler } from '../streams/stream-relay';

/** The relay process dying after PutEvents answered and before it reported the batch done. */
export class RelayCrash extends Error {
  override name = 'RelayCrash';
}

export interface CrashingRelayStats {
  invocations: number;
  crashes: number;
  /** Outbox records handed to invocations that crashed (each may be published once more). */
  recordsInCrashes: number;
  records: number;
  /** Time spent inside the relay, summed over invocations. */
  busyMs: number;
}

export interface CrashingOutboxRelay {
  /** The stream function to give the local cloud (`outboxRelay`). */
  handler: StreamHandler;
  readonly stats: CrashingRelayStats;
  /**
   * Per event id, how many invocations that held it ended failed (a crash, or a record reported
   * failed and everything after it): the most times the stream may make it published again.
   */
  readonly redeliveries: ReadonlyMap<string, number>;
}

function eventIdOf(record: DynamoDBRecord): string | undefined {
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>) as { detail?: string };
  try {
    return (JSON.parse(item.detail ?? '{}') as { metadata?: { eventId?: string } }).metadata?.eventId;
  } catch {
    return undefined;
  }
}

/**
 * lambda-kit's outbox relay, run with its real code, where chosen invocations crash after publishing:
 * PutEvents goes out and the invocation fails. The stream then delivers the same records again and
 * the same events are published a second time, which consumers must drop as duplicates.
 */
export function crashingOutboxRelay(options: { shouldCrash: () => boolean }): CrashingOutboxRelay {
  const stats: CrashingRelayStats = {
    invocations: 0,
    crashes: 0,
    recordsInCrashes: 0,
    records: 0,
    busyMs: 0,
  };
  const redeliveries = new Map<string, number>();
  let deps: RelayDependencies | undefined;

  // Built on first use: the cloud sets the endpoints and bus name before any record arrives.
  const build = (): RelayDependencies => ({
    eventBridge: new EventBridgeClient({ maxAttempts: 3 }),
    eventBusName: requireEnv('EVENT_BUS_NAME'),
    logger: createLogger('outbox-relay'),
  });

  const noteRedelivered = (records: readonly DynamoDBRecord[]) => {
    for (const record of records) {
      const eventId = eventIdOf(record);
      if (eventId) redeliveries.set(eventId, (redeliveries.get(eventId) ?? 0) + 1);
    }
  };

  const handler: StreamHandler = async (event) => {
    deps ??= build();
    stats.invocations++;
    stats.records += event.Records.length;
    const crash = options.shouldCrash();
    const started = Date.now();
    const result = await relayOutbox(event, deps).finally(() => {
      stats.busyMs += Date.now() - started;
    });
    if (crash) {
      stats.crashes++;
      stats.recordsInCrashes += event.Records.length;
      noteRedelivered(event.Records);
      throw new RelayCrash('the outbox relay crashed after publishing');
    }
    const failed = result.batchItemFailures[0]?.itemIdentifier;
    if (failed) {
      const from = event.Records.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
      noteRedelivered(event.Records.slice(Math.max(0, from)));
    }
    return result;
  };

  return { handler, stats, redeliveries };
}
