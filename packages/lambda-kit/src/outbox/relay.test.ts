import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient, PutEventsCommand, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import { OUTBOX_TTL_SECONDS, type OutboxItem, outboxItem } from './commit';
import { relayOutbox } from './relay';

const createdAt = '2026-11-02T15:04:05.000Z';

function item(eventId: string): OutboxItem {
  return outboxItem(
    'acme-health',
    {
      source: 'carelink.outreach',
      detailType: 'WidgetChanged',
      detail: {
        metadata: {
          eventId,
          eventVersion: 1,
          tenantId: 'acme-health',
          correlationId: 'c-1',
          occurredAt: createdAt,
        },
        data: { widgetId: eventId },
      } as never,
    },
    createdAt,
  );
}

function record(sequence: number, image: object, eventName = 'INSERT'): DynamoDBRecord {
  return {
    eventName: eventName as DynamoDBRecord['eventName'],
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:111122223333:table/carelink-test/stream/2026',
    dynamodb: {
      SequenceNumber: String(sequence),
      NewImage: marshall(image as Record<string, unknown>) as Record<string, AttributeValue> as never,
    },
  };
}

/** An EventBridge client whose answers are scripted per call: the ids of entries that fail. */
function eventBridge(failing: (call: number, detailType: string, index: number) => boolean) {
  const calls: { detail: string }[][] = [];
  const client = {
    send: async (command: PutEventsCommand) => {
      const entries = command.input.Entries ?? [];
      calls.push(entries.map((entry) => ({ detail: entry.Detail ?? '' })));
      const results: PutEventsResultEntry[] = entries.map((entry, index) =>
        failing(calls.length, entry.DetailType ?? '', index)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }
          : { EventId: `eb-${calls.length}-${index}` },
      );
      return { Entries: results, FailedEntryCount: results.filter((r) => r.ErrorCode).length };
    },
  };
  return { client: client as unknown as EventBridgeClient, calls };
}

const deps = (client: EventBridgeClient) => ({
  eventBridge: client,
  eventBusName: 'carelink-test',
  logger: createLogger('outbox-relay-test'),
  sleep: async () => undefined,
});

const idsIn = (calls: { detail: string }[][]) =>
  calls
    .flat()
    .map((entry) => (JSON.parse(entry.detail) as { metadata: { eventId: string } }).metadata.eventId);

describe('outbox items', () => {
  it('expire by their own TTL, long after the stream and the relay failure queue let go of them', () => {
    const expires = item('e-1').expiresAt;
    expect(expires).toBe(Date.parse(createdAt) / 1000 + OUTBOX_TTL_SECONDS);
    // The stream keeps a record a day; the failure queue keeps a batch's position 14 days.
    expect(OUTBOX_TTL_SECONDS).toBeGreaterThan((1 + 14) * 24 * 3600 - 1);
  });
});

describe('relayOutbox', () => {
  it('publishes inserted outbox items in batches of ten and ignores every other record', async () => {
    const { client, calls } = eventBridge(() => false);
    const records = [
      ...Array.from({ length: 12 }, (_, i) => record(i + 1, item(`e-${i + 1}`))),
      record(13, { pk: 'T#acme#WIDGET#1', sk: 'WIDGET', kind: 'widget' }),
      record(14, item('e-modified'), 'MODIFY'),
    ];
    const result = await relayOutbox({ Records: records }, deps(client));
    expect(result.batchItemFailures).toEqual([]);
    expect(calls.map((call) => call.length)).toEqual([10, 2]);
    expect(idsIn(calls)).toEqual(Array.from({ length: 12 }, (_, i) => `e-${i + 1}`));
  });

  it('retries only the entries EventBridge refused', async () => {
    const { client, calls } = eventBridge((call, _type, index) => call === 1 && index === 1);
    const result = await relayOutbox({ Records: [record(1, item('a')), record(2, item('b'))] }, deps(client));
    expect(result.batchItemFailures).toEqual([]);
    expect(calls.map((call) => idsIn([call]))).toEqual([['a', 'b'], ['b']]);
  });

  it('reports the first record it could not publish, so the stream resumes there', async () => {
    const { client, calls } = eventBridge(() => true);
    const result = await relayOutbox(
      { Records: [record(7, item('x')), record(8, item('y'))] },
      { ...deps(client), maxAttempts: 3 },
    );
    expect(calls).toHaveLength(3);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '7' }]);
  });
});
