import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  consumerTimeoutSeconds,
  type LocalSeedApi,
  type LocalSeedResult,
  type ServiceManifest,
  subscriptionPattern,
} from '@carelink/contracts';
import { deadLetterQueueName, tableNameVariable } from '@carelink/lambda-kit';
import type { SQSEvent } from 'aws-lambda';
import type { TokenClaimsHook } from './auth/issuer';
import type { LocalBus } from './bus/local-bus';
import { ensureTable } from './dynamodb/tables';
import { handlerFile, invoke } from './lambda/handler-loader';
import type { LocalScheduler } from './scheduler/local-scheduler';
import { LocalQueue } from './sqs/local-queue';
import { fileCheckpoints, memoryCheckpoints } from './streams/checkpoints';
import { type StreamHandler, StreamRelay } from './streams/stream-relay';

// One function per subsystem, each deploying what a manifest asks of it, as the CDK stacks do.

/** The service's table (created if missing) and the relay of its outbox stream, not yet started. */
export async function deployTable(
  manifest: ServiceManifest,
  table: string,
  clients: { dynamo: DynamoDBClient; streams: DynamoDBStreamsClient },
  options: { relay: () => Promise<StreamHandler>; dataDir?: string | undefined },
): Promise<StreamRelay> {
  process.env[tableNameVariable(manifest.name)] = table;
  const streamArn = await ensureTable(clients.dynamo, table, manifest.table);
  return new StreamRelay(clients.streams, streamArn, options.relay, {
    // Kept with the data, so a restart continues where the relay stopped.
    checkpoints: options.dataDir
      ? fileCheckpoints(join(options.dataDir, 'stream-checkpoints', `${table}.json`))
      : memoryCheckpoints(),
  });
}

/** One queue (with its DLQ) per subscription, fed by a bus rule and drained by the consumer. */
export function deploySubscriptions(
  manifest: ServiceManifest,
  bus: LocalBus,
  queues: Map<string, LocalQueue>,
  maxVisibilityTimeoutMs: number,
): void {
  for (const subscription of manifest.subscriptions) {
    const name = `${manifest.name}-${subscription.name}`;
    const visibilityTimeoutMs = Math.min(
      subscription.visibilityTimeoutSeconds * 1000,
      maxVisibilityTimeoutMs,
    );
    const dlq = new LocalQueue({ name: deadLetterQueueName(name), visibilityTimeoutMs });
    const queue = new LocalQueue({
      name,
      visibilityTimeoutMs,
      maxReceiveCount: subscription.maxReceiveCount,
      deadLetterQueue: dlq,
    });
    queues.set(queue.name, queue);
    queues.set(dlq.name, dlq);
    const file = handlerFile(manifest, subscription.handler);
    queue.attach(
      async (event: SQSEvent) =>
        (await invoke(file, name, event, consumerTimeoutSeconds(subscription) * 1000)) as never,
      subscription.batchSize,
    );
    bus.addRule({ name, pattern: subscriptionPattern(subscription), target: queue });
  }
}

/** The service's schedules on the local scheduler. */
export function deploySchedules(manifest: ServiceManifest, scheduler: LocalScheduler): void {
  for (const schedule of manifest.schedules) {
    const file = handlerFile(manifest, schedule.handler);
    scheduler.add({ schedule, invoke: (input) => invoke(file, `${manifest.name}-${schedule.name}`, input) });
  }
}

/**
 * The pre-token-generation trigger a manifest declares, as the issuer's claims hook: the handler gets
 * Cognito's version-3 event (client credentials, or a person's authentication) and what it adds goes
 * into the token. Scopes come back without the resource-server prefix, as the API reads them.
 */
export function deployIdentityTriggers(manifests: readonly ServiceManifest[]): TokenClaimsHook | undefined {
  const owner = manifests.find((m) => m.identityTriggers?.preTokenGeneration);
  const trigger = owner?.identityTriggers?.preTokenGeneration;
  if (!owner || !trigger) return undefined;
  const file = handlerFile(owner, trigger);
  return async (request) => {
    const result = (await invoke(file, `${owner.name}-pre-token-generation`, {
      version: '3',
      triggerSource:
        request.kind === 'client' ? 'TokenGeneration_ClientCredentials' : 'TokenGeneration_Authentication',
      ...(request.kind === 'user' ? { userName: request.username } : {}),
      callerContext: { clientId: request.clientId },
      request: {},
      response: { claimsAndScopeOverrideDetails: null },
    })) as {
      response?: {
        claimsAndScopeOverrideDetails?: {
          accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string>; scopesToAdd?: string[] };
        } | null;
      };
    };
    const added = result.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration;
    return {
      claims: added?.claimsToAddOrOverride ?? {},
      scopes: (added?.scopesToAdd ?? []).map((scope) => scope.slice(scope.lastIndexOf('/') + 1)),
    };
  };
}

/**
 * Each service's demo data, loaded through the API like any client would. What a seed reports
 * (the partner credentials the directory issued) is handed to the seeds after it.
 */
export async function runLocalSeeds(
  manifests: readonly ServiceManifest[],
  api: LocalSeedApi,
  remember: (issued: LocalSeedResult) => void,
): Promise<void> {
  for (const manifest of manifests) {
    if (!manifest.localSeed) continue;
    const module = (await import(pathToFileURL(join(manifest.dir, manifest.localSeed)).href)) as {
      seed: (api: LocalSeedApi) => Promise<LocalSeedResult | undefined>;
    };
    const issued = await module.seed(api);
    if (issued) remember(issued);
  }
}

/**
 * Waits until every relay and every (non-DLQ) queue has been idle for a moment, and every relay has
 * since read its stream afresh and found nothing (on a loaded machine one read can outlast the moment).
 */
export async function settleWhenIdle(
  relays: readonly StreamRelay[],
  queues: ReadonlyMap<string, LocalQueue>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const idle =
      relays.every((r) => r.isIdle()) &&
      [...queues.values()].every((q) => q.isIdle() || q.name.endsWith('-dlq'));
    if (!idle) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince > 250 && relays.every((r) => r.hasReadEmptySince(quietSince))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the local cloud did not settle in time');
}
