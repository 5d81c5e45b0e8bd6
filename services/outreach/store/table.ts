import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ServiceRuntime } from '@carelink/lambda-kit';

/** A stored item as the document client returns it. */
export type Item = Record<string, unknown>;

/** A key condition on a partition, narrowed to a sort-key prefix when one is given (DynamoDB rejects an empty one). */
function condition(
  pkName: string,
  skName: string,
  pk: string,
  prefix: string,
): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
  return prefix === ''
    ? { KeyConditionExpression: `${pkName} = :pk`, ExpressionAttributeValues: { ':pk': pk } }
    : {
        KeyConditionExpression: `${pkName} = :pk AND begins_with(${skName}, :prefix)`,
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      };
}

/** Thin reads over the service table; writes go through commits so they share one transaction. */
export function createTable(runtime: Pick<ServiceRuntime, 'db' | 'tableName'>) {
  const name = runtime.tableName;

  async function get(pk: string, sk: string): Promise<Item | undefined> {
    const { Item } = await runtime.db.send(
      new GetCommand({ TableName: name, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item;
  }

  /** Every item of a partition whose sort key starts with `prefix` (strongly consistent). */
  async function queryPrefix(pk: string, prefix: string): Promise<Item[]> {
    return queryAll({
      TableName: name,
      ...condition('pk', 'sk', pk, prefix),
      ConsistentRead: true,
    });
  }

  /** Items of a partition with `from <= sk <= to` (strongly consistent). */
  async function queryBetween(pk: string, from: string, to: string): Promise<Item[]> {
    return queryAll({
      TableName: name,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      ConsistentRead: true,
    });
  }

  /** Every item of a `gsi1` partition whose sort key starts with `prefix`. */
  async function queryIndexPrefix(gsi1pk: string, prefix = ''): Promise<Item[]> {
    return queryAll({
      TableName: name,
      IndexName: 'gsi1',
      ...condition('gsi1pk', 'gsi1sk', gsi1pk, prefix),
    });
  }

  /** One page of a partition, for listings with a cursor. */
  async function queryPage(
    pk: string,
    prefix: string,
    options: { limit: number; startKey?: Record<string, unknown>; newestFirst?: boolean },
  ): Promise<{ items: Item[]; lastKey?: Record<string, unknown> }> {
    const out = await runtime.db.send(
      new QueryCommand({
        TableName: name,
        ...condition('pk', 'sk', pk, prefix),
        Limit: options.limit,
        ScanIndexForward: !options.newestFirst,
        ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
      }),
    );
    return { items: out.Items ?? [], ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
  }

  async function queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await runtime.db.send(
        new QueryCommand({ ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  return { name, get, queryPrefix, queryBetween, queryIndexPrefix, queryPage };
}

export type Table = ReturnType<typeof createTable>;
