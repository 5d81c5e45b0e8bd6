import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ServiceName, standardTable } from '@carelink/contracts';
import { tableNameVariable } from '@carelink/lambda-kit';
import { useLocalAws } from '../packages/local/src/aws-environment';
import { startDynamoDbLocal } from '../packages/local/src/dynamodb/launcher';
import { ensureTable } from '../packages/local/src/dynamodb/tables';

/**
 * Runs `measure` with a fresh DynamoDB Local holding one service's table, configured the way the
 * service's functions read it (so its handlers and stores can be imported and called in process).
 */
export async function withServiceTable<T>(service: ServiceName, measure: () => Promise<T>): Promise<T> {
  const dynamo = await startDynamoDbLocal();
  try {
    useLocalAws({ dynamodb: dynamo.endpoint });
    const tableName = `bench-${service}-${Date.now()}`;
    process.env[tableNameVariable(service)] = tableName;
    await ensureTable(new DynamoDBClient({}), tableName, standardTable);
    return await measure();
  } finally {
    await dynamo.stop();
  }
}
