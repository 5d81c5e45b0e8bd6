import { getRandomValues } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceName } from '@carelink/contracts';
import { createLogger, type Logger } from './observability/logger';
import { createMetrics, type Metrics } from './observability/metrics';
import { monotonicUlids } from './ulid';

/** Current time; injected so tests and the local scheduler can move it. */
export type Clock = () => Date;

/** Everything a service's handlers share, built once per process at module scope. */
export interface ServiceRuntime {
  readonly service: ServiceName;
  readonly tableName: string;
  readonly db: DynamoDBDocumentClient;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly clock: Clock;
  readonly newId: () => string;
}

/**
 * A DynamoDB document client with the settings every function wants: bounded retries with the SDK's
 * standard backoff, keep-alive (the default in SDK v3), and undefined values dropped. Endpoints come
 * from the standard `AWS_ENDPOINT_URL_DYNAMODB` variable, so the same code runs against DynamoDB Local.
 */
export function createDocumentClient(options: { maxAttempts?: number } = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ maxAttempts: options.maxAttempts ?? 4 });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Name of the environment variable that holds a service's table name, e.g. `INTAKE_TABLE_NAME`. */
export function tableNameVariable(service: ServiceName): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_TABLE_NAME`;
}

/** Reads a required environment variable or fails at start-up with its name (never its value). */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

/**
 * Uniform fractions in [0, 1) from the system CSPRNG, drawn a page at a time: ulid's default asks
 * the CSPRNG once per character (16 calls an id, several ids a request), which showed up in the
 * partner write's profile.
 */
export function pooledRandom(pageBytes = 4096): () => number {
  const page = new Uint8Array(pageBytes);
  let next = pageBytes;
  return () => {
    if (next === pageBytes) {
      getRandomValues(page);
      next = 0;
    }
    return (page[next++] as number) / 256;
  };
}

/**
 * The composition root's starting point: a service's runtime from the environment. Infra sets the
 * table variable per function; the local cloud sets the same variables.
 */
export function createServiceRuntime(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
): ServiceRuntime {
  const ulid = monotonicUlids(pooledRandom());
  const logger = createLogger(service);
  return {
    service,
    tableName: requireEnv(tableNameVariable(service), env),
    db: createDocumentClient(),
    logger,
    metrics: createMetrics(service, logger),
    clock: systemClock,
    newId: () => ulid(),
  };
}

/**
 * The process clock. Honours `CARELINK_CLOCK_OFFSET_MS` so the local cloud can run "the 1st of next
 * month" now; in AWS the variable is never set.
 */
export const systemClock: Clock = () =>
  new Date(Date.now() + Number(process.env.CARELINK_CLOCK_OFFSET_MS ?? 0));
