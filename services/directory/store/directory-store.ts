import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PreconditionFailedError } from '@carelink/contracts';
import type { ServiceRuntime, StateWrite } from '@carelink/lambda-kit';
import { AlreadyExistsError } from '../domain/errors';
import { keys, type RecordKind } from './keys';

/** Where a record sits in its kind's listing: the GSI partition and sort key. */
export interface Listing {
  partition: string;
  sort: string;
}

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
}

const storageAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'kind']);

function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !storageAttributes.has(name))) as T;
}

/**
 * Directory records of every kind: one item each, keyed by kind and id, listed through gsi1. Creates
 * are conditional on the id being new, replaces on the version the caller read.
 */
export function createDirectoryStore(runtime: ServiceRuntime) {
  const { tableName } = runtime;
  const item = (kind: RecordKind, id: string, listing: Listing, record: object) => ({
    ...keys.record(kind, id),
    gsi1pk: listing.partition,
    gsi1sk: listing.sort,
    kind,
    ...record,
  });

  return {
    async get<T>(kind: RecordKind, id: string): Promise<T | undefined> {
      const { Item } = await runtime.db.send(
        new GetCommand({ TableName: tableName, Key: keys.record(kind, id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<T>(Item) : undefined;
    },

    create(kind: RecordKind, id: string, listing: Listing, record: object, location: string): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: item(kind, id, listing, record),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
        onConditionFailed: () => new AlreadyExistsError(`A ${kind}`, location),
      };
    },

    /** Writes a record that has no version (a client's revocation); it must exist. */
    upsert(kind: RecordKind, id: string, listing: Listing, record: object): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: item(kind, id, listing, record),
          ConditionExpression: 'attribute_exists(pk)',
        },
      };
    },

    replace(
      kind: RecordKind,
      id: string,
      listing: Listing,
      record: object,
      expectedVersion: number,
    ): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: item(kind, id, listing, record),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
        onConditionFailed: () => new PreconditionFailedError(),
      };
    },

    /** A page of a listing in sort-key order, optionally only the sort keys that start with `prefix`. */
    async list<T>(
      partition: string,
      options: { prefix?: string | undefined; startKey?: Record<string, unknown> | undefined; limit: number },
    ): Promise<Page<T>> {
      const page = await runtime.db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: options.prefix
            ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)'
            : 'gsi1pk = :pk',
          ExpressionAttributeValues: {
            ':pk': partition,
            ...(options.prefix ? { ':prefix': options.prefix } : {}),
          },
          Limit: options.limit,
          ...(options.startKey ? { ExclusiveStartKey: options.startKey } : {}),
        }),
      );
      return {
        items: (page.Items ?? []).map((i) => withoutKeys<T>(i)),
        ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
      };
    },
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
