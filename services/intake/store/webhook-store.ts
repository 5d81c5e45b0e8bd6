import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '@carelink/contracts';
import { ConflictError, type ServiceRuntime, type StateWrite } from '@carelink/lambda-kit';
import type { DeliveryAttempt, DeliveryStatus } from '../domain/webhook-delivery';
import { keys, withoutKeys } from './keys';

/** A partner's webhook subscription. The secret never leaves the store except in the create answer. */
export interface WebhookSubscription {
  id: string;
  partnerId: string;
  url: string;
  events: WebhookEventType[];
  status: 'active';
  secret: string;
  /** The secret a rotation replaced, still signing until `previousSecretExpiresAt`. */
  previousSecret?: string;
  previousSecretExpiresAt?: string;
  createdAt: string;
}

/** What a subscription can be told about. */
export type WebhookEventType = 'ReferralStatusChanged' | 'CommunityReferralStatusChanged';

/** One event delivered (or being delivered) to one subscription. */
export interface WebhookDelivery {
  id: string;
  partnerId: string;
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  referralId: string;
  /** The exact JSON sent on every attempt (ids and statuses only). */
  body: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  attemptCount: number;
  nextAttemptAt?: string;
  createdAt: string;
}

/** Subscriptions and their deliveries. */
export function createWebhookStore(runtime: ServiceRuntime) {
  function create(subscription: WebhookSubscription): StateWrite {
    return {
      Put: {
        TableName: runtime.tableName,
        Item: { ...keys.webhook(subscription.partnerId, subscription.id), kind: 'webhook', ...subscription },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Replaces the secret, keeping the old one for the overlap; only if nobody rotated it meanwhile. */
  function rotateSecret(
    subscription: WebhookSubscription,
    secret: string,
    previousExpiresAt: string,
  ): StateWrite {
    return {
      Update: {
        TableName: runtime.tableName,
        Key: keys.webhook(subscription.partnerId, subscription.id),
        UpdateExpression: 'SET secret = :new, previousSecret = :old, previousSecretExpiresAt = :until',
        ConditionExpression: 'secret = :old',
        ExpressionAttributeValues: {
          ':new': secret,
          ':old': subscription.secret,
          ':until': previousExpiresAt,
        },
      },
      onConditionFailed: () => new ConflictError('The secret was rotated meanwhile; read the webhook again'),
    };
  }

  function remove(partnerId: string, webhookId: string): StateWrite {
    return {
      Delete: {
        TableName: runtime.tableName,
        Key: keys.webhook(partnerId, webhookId),
        ConditionExpression: 'attribute_exists(pk)',
      },
      onConditionFailed: () => new NotFoundError('Webhook'),
    };
  }

  async function get(partnerId: string, webhookId: string): Promise<WebhookSubscription | undefined> {
    const { Item } = await runtime.db.send(
      new GetCommand({
        TableName: runtime.tableName,
        Key: keys.webhook(partnerId, webhookId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<WebhookSubscription>(Item) : undefined;
  }

  /** A tenant's subscriptions (a tenant has at most a handful). */
  async function list(partnerId: string): Promise<WebhookSubscription[]> {
    const { Items } = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.webhooks(partnerId), ':prefix': 'WEBHOOK#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<WebhookSubscription>(item));
  }

  function deliveryItem(delivery: WebhookDelivery): Record<string, unknown> {
    return {
      ...keys.delivery(delivery.partnerId, delivery.webhookId, delivery.id),
      kind: 'webhook-delivery',
      ...delivery,
      ...(delivery.status === 'pending' && delivery.nextAttemptAt
        ? {
            gsi1pk: keys.dueDeliveries(delivery.partnerId),
            gsi1sk: keys.dueSort(delivery.nextAttemptAt, delivery.webhookId, delivery.id),
          }
        : {}),
    };
  }

  /** Records a new delivery (with its first attempt, if one was made). */
  function createDelivery(delivery: WebhookDelivery): StateWrite {
    return {
      Put: {
        TableName: runtime.tableName,
        Item: deliveryItem(delivery),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async function listDeliveries(
    partnerId: string,
    webhookId: string,
    page: { limit: number; startKey?: Record<string, unknown> | undefined },
  ): Promise<{ items: WebhookDelivery[]; lastKey?: Record<string, unknown> }> {
    const result = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.deliveries(partnerId, webhookId), ':prefix': 'DELIVERY#' },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(page.startKey ? { ExclusiveStartKey: page.startKey } : {}),
      }),
    );
    const items = (result.Items ?? []).map((item) => withoutKeys<WebhookDelivery>(item));
    return result.LastEvaluatedKey ? { items, lastKey: result.LastEvaluatedKey } : { items };
  }

  /** Pending deliveries of a tenant whose next attempt is due at `now`, oldest first. */
  async function due(partnerId: string, now: Date, limit: number): Promise<WebhookDelivery[]> {
    const { Items } = await runtime.db.send(
      new QueryCommand({
        TableName: runtime.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :bound',
        ExpressionAttributeValues: {
          ':pk': keys.dueDeliveries(partnerId),
          ':bound': `${now.toISOString()}$`,
        },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<WebhookDelivery>(item));
  }

  /**
   * Takes a due delivery for one sender: moves its next attempt to `leaseUntil` if nobody else did
   * first, so concurrent runs never send the same attempt twice; a crashed sender's lease expires.
   */
  async function claim(delivery: WebhookDelivery, leaseUntil: Date): Promise<WebhookDelivery | undefined> {
    const nextAttemptAt = leaseUntil.toISOString();
    try {
      await runtime.db.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: keys.delivery(delivery.partnerId, delivery.webhookId, delivery.id),
          UpdateExpression: 'SET nextAttemptAt = :lease, gsi1sk = :sort',
          ConditionExpression: '#status = :pending AND nextAttemptAt = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':lease': nextAttemptAt,
            ':sort': keys.dueSort(nextAttemptAt, delivery.webhookId, delivery.id),
            ':pending': 'pending',
            ':seen': delivery.nextAttemptAt,
          },
        }),
      );
      return { ...delivery, nextAttemptAt };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** Appends an attempt and the resulting state, if no other attempt was recorded meanwhile. */
  async function recordAttempt(
    delivery: WebhookDelivery,
    attempt: DeliveryAttempt | undefined,
    next: { status: DeliveryStatus; nextAttemptAt?: string },
  ): Promise<void> {
    const pending = next.status === 'pending' && next.nextAttemptAt !== undefined;
    const set = [
      '#status = :status',
      'attemptCount = :count',
      ...(attempt ? ['attempts = list_append(attempts, :attempt)'] : []),
      ...(pending ? ['nextAttemptAt = :next', 'gsi1sk = :sort'] : []),
    ];
    const remove = pending ? [] : ['nextAttemptAt', 'gsi1pk', 'gsi1sk'];
    try {
      await runtime.db.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: keys.delivery(delivery.partnerId, delivery.webhookId, delivery.id),
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'attemptCount = :seen AND #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': next.status,
            ':count': delivery.attemptCount + (attempt ? 1 : 0),
            ':seen': delivery.attemptCount,
            ':pending': 'pending',
            ...(attempt ? { ':attempt': [attempt] } : {}),
            ...(pending
              ? {
                  ':next': next.nextAttemptAt,
                  ':sort': keys.dueSort(next.nextAttemptAt as string, delivery.webhookId, delivery.id),
                }
              : {}),
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }

  return {
    create,
    rotateSecret,
    remove,
    get,
    list,
    createDelivery,
    listDeliveries,
    due,
    claim,
    recordAttempt,
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
