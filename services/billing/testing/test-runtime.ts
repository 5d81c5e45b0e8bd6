import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { standardTable } from '@carelink/contracts';
import { createDocumentClient, createLogger, createMetrics, type ServiceRuntime } from '@carelink/lambda-kit';
import { useLocalAws } from '@carelink/local/aws-environment';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { monotonicFactory } from 'ulid';
import { inject } from 'vitest';

/** A billing runtime on its own table of the test run's DynamoDB Local, with a clock tests can move. */
export async function createTestRuntime(
  start: Date,
): Promise<ServiceRuntime & { advance(ms: number): void }> {
  const endpoint = inject('dynamoDbEndpoint');
  useLocalAws({ dynamodb: endpoint });
  const tableName = `billing-${randomBytes(4).toString('hex')}`;
  await ensureTable(new DynamoDBClient({ endpoint }), tableName, standardTable);
  let now = start.getTime();
  const ulid = monotonicFactory();
  return {
    service: 'billing',
    tableName,
    db: createDocumentClient(),
    logger: createLogger('billing'),
    metrics: createMetrics('billing'),
    clock: () => new Date(now),
    newId: () => ulid(),
    advance(ms: number) {
      now += ms;
    },
  };
}
