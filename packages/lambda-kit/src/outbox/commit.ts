import {
  type CancellationReason,
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { buildEvent, type EventContract, type OutgoingEvent } from '@carelink/contracts';
import type * as z from 'zod/mini';
import { ConflictError } from '../errors';
import { tenantKey } from '../keys';
import type { ServiceRuntime } from '../runtime';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A state write, with the domain error to raise when its condition fails. */
export type StateWrite = TransactItem & { onConditionFailed?: () => Error | Promise<Error> };

/** An event to publish with the state change, before ids and metadata are assigned. */
export interface EventDraft<C extends EventContract = EventContract> {
  contract: C;
  data: z.input<C['data']>;
  aggregateVersion?: number;
}

/** Declares an event draft with its data type-checked against the contract. */
export function emit<C extends EventContract>(
  contract: C,
  data: z.input<C['data']>,
  aggregateVersion?: number,
): EventDraft<C> {
  return aggregateVersion === undefined ? { contract, data } : { contract, data, aggregateVersion };
}

/** A state change: the items to write and the events it causes, committed atomically. */
export interface Commit {
  writes: readonly StateWrite[];
  events: readonly EventDraft[];
  /**
   * The tenant the events belong to when the caller is not a tenant (a partner's referral lands in
   * the receiving care organisation; a practice created by the operator belongs to its tenant).
   */
  tenantId?: string;
}

/** The outbox item a stream consumer turns into a PutEvents entry. */
export interface OutboxItem {
  pk: string;
  sk: 'OUTBOX';
  kind: 'outbox';
  source: string;
  detailType: string;
  detail: string;
  createdAt: string;
  /** When the table's TTL removes the item (epoch seconds): well after the stream has let go of it. */
  expiresAt: number;
}

/** Raised when an event was already processed by this consumer (its inbox marker exists). */
export class DuplicateEventError extends Error {
  override name = 'DuplicateEventError';
}

/** Raised when the idempotency record appeared between the check and the write (a concurrent replay). */
export class IdempotencyRaceError extends Error {
  override name = 'IdempotencyRaceError';
}

const INBOX_TTL_SECONDS = 30 * 24 * 3600;
/**
 * An outbox item outlives its stream record (kept one day) by two weeks, the time the relay's
 * failure queue keeps a batch it could not publish: whatever that queue names can still be
 * published again from the table. Nothing marks an item sent; consumers drop a republished event.
 */
export const OUTBOX_TTL_SECONDS = 15 * 24 * 3600;
const MAX_TRANSACTION_ITEMS = 100;

export interface CommitOptions {
  tenantId: string;
  correlationId: string;
  /** Idempotency record stored with the state change (HTTP creates). */
  idempotencyRecord?: { pk: string; sk: string };
  /** Marks an event as processed by a consumer, in the same transaction as its effects. */
  inbox?: { eventId: string; consumer: string };
}

/** Builds the outbox item for an event. */
export function outboxItem(tenantId: string, event: OutgoingEvent, createdAt: string): OutboxItem {
  return {
    pk: tenantKey(tenantId, 'OUTBOX', event.detail.metadata.eventId),
    sk: 'OUTBOX',
    kind: 'outbox',
    source: event.source,
    detailType: event.detailType,
    detail: JSON.stringify(event.detail),
    createdAt,
    expiresAt: Math.floor(Date.parse(createdAt) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

/**
 * Writes state, outbox items and markers in one `TransactWriteItems` (one item alone in one
 * conditional `PutItem`): either the change and its events exist together or neither does.
 * Condition failures are mapped to the write's own error. Returns the events as published.
 */
export async function commitTransaction(
  runtime: ServiceRuntime,
  commit: Commit,
  options: CommitOptions,
): Promise<OutgoingEvent[]> {
  const now = runtime.clock().toISOString();
  const events = commit.events.map((draft) =>
    buildEvent(
      draft.contract,
      {
        tenantId: options.tenantId,
        correlationId: options.correlationId,
        data: draft.data,
        ...(draft.aggregateVersion === undefined ? {} : { aggregateVersion: draft.aggregateVersion }),
      },
      { eventId: runtime.newId(), occurredAt: now },
    ),
  );
  const items: {
    item: TransactItem;
    onConditionFailed?: () => Error | Promise<Error>;
    marker?: 'inbox' | 'idem';
  }[] = commit.writes.map(({ onConditionFailed, ...item }) =>
    onConditionFailed ? { item, onConditionFailed } : { item },
  );
  for (const event of events) {
    items.push({
      item: {
        Put: {
          TableName: runtime.tableName,
          Item: outboxItem(options.tenantId, event, now),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }
  if (options.idempotencyRecord) {
    items.push({
      marker: 'idem',
      item: {
        Put: {
          TableName: runtime.tableName,
          Item: options.idempotencyRecord as Record<string, unknown>,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }
  if (options.inbox) {
    items.push({
      marker: 'inbox',
      item: {
        Put: {
          TableName: runtime.tableName,
          Item: {
            pk: tenantKey(options.tenantId, 'INBOX', options.inbox.eventId),
            sk: `INBOX#${options.inbox.consumer}`,
            processedAt: now,
            expiresAt: Math.floor(runtime.clock().getTime() / 1000) + INBOX_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }
  if (items.length === 0) return events;
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw new Error(`a state change may write at most ${MAX_TRANSACTION_ITEMS} items`);
  try {
    await write(
      runtime,
      items.map((entry) => entry.item),
    );
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    const failedIndex = (marker: 'inbox' | 'idem') =>
      items.findIndex((entry, i) => entry.marker === marker && reasons[i]?.Code === 'ConditionalCheckFailed');
    if (failedIndex('inbox') >= 0) throw new DuplicateEventError('event already processed');
    if (failedIndex('idem') >= 0) throw new IdempotencyRaceError('request already being processed');
    for (const [i, reason] of reasons.entries()) {
      const handler = items[i]?.onConditionFailed;
      if (reason.Code === 'ConditionalCheckFailed' && handler) throw await handler();
    }
    if (
      reasons.some(
        (reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ConditionalCheckFailed',
      )
    ) {
      throw new ConflictError('The resource was changed concurrently; retry the request');
    }
    throw error;
  }
  return events;
}

/** Why each item of a cancelled write failed; a failed single put reads as a transaction of one. */
function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (error instanceof TransactionCanceledException) return error.CancellationReasons ?? [];
  if (error instanceof ConditionalCheckFailedException) return [{ Code: 'ConditionalCheckFailed' }];
  return undefined;
}

/**
 * A single put goes out as a conditional `PutItem`: as atomic as a transaction of one, at half its
 * write units (a transaction bills two per KB for its prepare and commit). A read's access record is
 * such a write, once per partner or staff read.
 */
async function write(runtime: ServiceRuntime, items: TransactItem[]): Promise<void> {
  const put = items.length === 1 ? items[0]?.Put : undefined;
  if (put) {
    await runtime.db.send(
      new PutCommand({
        TableName: put.TableName,
        Item: put.Item,
        ConditionExpression: put.ConditionExpression,
        ExpressionAttributeNames: put.ExpressionAttributeNames,
        ExpressionAttributeValues: put.ExpressionAttributeValues,
      }),
    );
    return;
  }
  await runtime.db.send(new TransactWriteCommand({ TransactItems: items }));
}
