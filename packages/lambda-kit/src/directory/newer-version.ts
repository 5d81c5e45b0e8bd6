import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime } from '../runtime';

/**
 * Writes a projected record unless the table already holds this version of it or a newer one, so a
 * repeated or late event changes nothing. False when the record was not newer.
 */
export async function putIfNewer(
  runtime: ServiceRuntime,
  item: Record<string, unknown> & { version: number },
): Promise<boolean> {
  try {
    await runtime.db.send(
      new PutCommand({
        TableName: runtime.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
        ExpressionAttributeValues: { ':version': item.version },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
