import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** BatchGetItem requests in flight. */
const GETS_IN_FLIGHT = 3;

/**
 * Every item of `keys` that exists (strongly consistent), 100 keys a request, retrying the keys
 * DynamoDB left unprocessed with a growing pause.
 */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Item[],
): Promise<Item[]> {
  const found: Item[] = [];
  const parts = chunk(keys, 100);
  const getPart = async (part: Item[]) => {
    let request: Record<string, { Keys: Item[]; ConsistentRead: boolean }> | undefined = {
      [tableName]: { Keys: part, ConsistentRead: true },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result = await db.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[tableName] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  };
  const worker = async () => {
    for (let part = parts.shift(); part; part = parts.shift()) await getPart(part);
  };
  await Promise.all(Array.from({ length: GETS_IN_FLIGHT }, worker));
  return found;
}
