import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  buildEvent,
  ConflictError,
  ReferralCancelledV1,
  standardTable,
  TimeLoggedV1,
} from '@carelink/contracts';
import { useLocalAws } from '@carelink/local/aws-environment';
import { ensureTable } from '@carelink/local/dynamodb/tables';
import { lambdaContext } from '@carelink/local/lambda/context';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createServiceRuntime, type ServiceRuntime, tableNameVariable } from '../runtime';
import type { DeadLetter } from './dead-letters';
import { eventConsumer } from './event-consumer';

const tableName = `kit-consumer-${Date.now()}`;
const queueArn = 'arn:aws:sqs:us-east-1:000000000000:billing-time-logged';
let runtime: ServiceRuntime;
const deadLetters: DeadLetter[] = [];
let failures = 0;

beforeAll(async () => {
  useLocalAws({ dynamodb: inject('dynamoDbEndpoint') });
  process.env[tableNameVariable('billing')] = tableName;
  await ensureTable(new DynamoDBClient({}), tableName, standardTable);
  runtime = createServiceRuntime('billing');
});

function consumer() {
  return eventConsumer(runtime, {
    name: 'minutes-counter',
    contracts: [TimeLoggedV1],
    deadLetters: { send: async (letter) => void deadLetters.push(letter) },
    handle: async ({ detail }) => {
      if (failures > 0) {
        failures--;
        throw new Error('transient');
      }
      return {
        writes: [
          {
            Update: {
              TableName: tableName,
              Key: { pk: `T#${detail.metadata.tenantId}#PATIENT#${detail.data.patientId}`, sk: 'MINUTES' },
              UpdateExpression: 'ADD minutes :m',
              ExpressionAttributeValues: { ':m': detail.data.minutes },
            },
          },
        ],
        events: [],
      };
    },
  });
}

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}-${Math.random()}`,
      receiptHandle: 'r',
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: 'us-east-1',
    })),
  };
}

function timeLogged(eventId: string, patientId: string, minutes: number) {
  const event = buildEvent(
    TimeLoggedV1,
    { tenantId: 'tenant-a', correlationId: 'c1', data: { ...TimeLoggedV1.example, patientId, minutes } },
    { eventId, occurredAt: '2026-10-10T15:00:00Z' },
  );
  return JSON.stringify({ source: event.source, 'detail-type': event.detailType, detail: event.detail });
}

async function minutesOf(patientId: string) {
  const { Item } = await runtime.db.send(
    new GetCommand({ TableName: tableName, Key: { pk: `T#tenant-a#PATIENT#${patientId}`, sk: 'MINUTES' } }),
  );
  return Item?.minutes;
}

describe('eventConsumer', () => {
  it("tells the handler how much of the invocation's time is left", async () => {
    const seen: number[] = [];
    const timed = eventConsumer(runtime, {
      name: 'time-reader',
      contracts: [TimeLoggedV1],
      handle: async (_, invocation) => {
        seen.push(invocation.remainingMs());
        return undefined;
      },
    });
    await timed(
      sqsEvent([timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B80', '01JD3Y7T5V0M3Q8W9X2Z4A6B81', 5)]),
      lambdaContext('c', 45_000),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(40_000);
    expect(seen[0]).toBeLessThanOrEqual(45_000);
  });

  it('logs a lost concurrency race at INFO without a stack, and leaves the record for redelivery', async () => {
    const info = vi.spyOn(runtime.logger, 'info');
    const error = vi.spyOn(runtime.logger, 'error');
    const racing = eventConsumer(runtime, {
      name: 'racer',
      contracts: [TimeLoggedV1],
      deadLetters: { send: async (letter) => void deadLetters.push(letter) },
      handle: async () => {
        throw new ConflictError('The resource was changed concurrently; retry the request');
      },
    });
    const event = sqsEvent([timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B99', '01JD3Y7T5V0M3Q8W9X2Z4A6B89', 5)]);
    const result = await racing(event, lambdaContext('c'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    expect(error).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith('event will be retried after a concurrent change', {
      errorName: 'ConflictError',
    });
    info.mockRestore();
    error.mockRestore();
  });

  it('applies a duplicated event once', async () => {
    const patientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B81';
    const body = timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B91', patientId, 25);
    const first = await consumer()(sqsEvent([body, body]), lambdaContext('c'));
    const again = await consumer()(sqsEvent([body]), lambdaContext('c'));
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(await minutesOf(patientId)).toBe(25);
  });

  it('reports only the failed record for retry and applies it once when redelivered', async () => {
    const patientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B82';
    const ok = timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B92', patientId, 10);
    const flaky = timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B93', patientId, 5);
    failures = 1;
    const event = sqsEvent([flaky, ok]);
    const result = await consumer()(event, lambdaContext('c'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    await consumer()(sqsEvent([flaky]), lambdaContext('c'));
    expect(await minutesOf(patientId)).toBe(15);
  });

  it('sends poison messages to the dead-letter queue with the reason (paths only) and does not retry them', async () => {
    const invalid = JSON.parse(timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B94', '01JD3Y7T5V0M3Q8W9X2Z4A6B83', 5));
    invalid.detail.data.minutes = 'Jane Doe';
    const wrongType = timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B95', '01JD3Y7T5V0M3Q8W9X2Z4A6B83', 5).replace(
      'TimeLogged',
      'ReferralCancelled',
    );
    const result = await consumer()(
      sqsEvent([JSON.stringify(invalid), wrongType, 'not json']),
      lambdaContext('c'),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(deadLetters.map((letter) => letter.reason)).toEqual([
      'invalid TimeLogged data: minutes: invalid_type',
      `no contract for carelink.outreach/${ReferralCancelledV1.detailType}`,
      'message body is not JSON',
    ]);
    expect(
      deadLetters.every((letter) => letter.sourceQueueArn === queueArn && !letter.reason.includes('Jane')),
    ).toBe(true);
  });

  it('does not count an event as processed when its effects fail to commit', async () => {
    const patientId = '01JD3Y7T5V0M3Q8W9X2Z4A6B84';
    await runtime.db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `T#tenant-a#PATIENT#${patientId}`, sk: 'MINUTES' },
        UpdateExpression: 'SET minutes = :s',
        ExpressionAttributeValues: { ':s': 'not-a-number' },
      }),
    );
    const body = timeLogged('01JD3Y7T5V0M3Q8W9X2Z4A6B96', patientId, 5);
    const event = sqsEvent([body]);
    const result = await consumer()(event, lambdaContext('c'));
    expect(result.batchItemFailures).toHaveLength(1);
    const marker = await runtime.db.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'T#tenant-a#INBOX#01JD3Y7T5V0M3Q8W9X2Z4A6B96', sk: 'INBOX#minutes-counter' },
      }),
    );
    expect(marker.Item).toBeUndefined();
  });
});
