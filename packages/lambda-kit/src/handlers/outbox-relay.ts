import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createLogger } from '../observability/logger';
import { relayOutbox } from '../outbox/relay';
import { requireEnv } from '../runtime';

const deps = {
  eventBridge: new EventBridgeClient({ maxAttempts: 3 }),
  eventBusName: requireEnv('EVENT_BUS_NAME'),
  logger: createLogger('outbox-relay'),
};

/** Lambda entry point of every service's outbox stream consumer (one generic function per table). */
export const handler = (event: DynamoDBStreamEvent) => relayOutbox(event, deps);
