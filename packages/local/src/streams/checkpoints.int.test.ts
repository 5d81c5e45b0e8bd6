import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@carelink/lambda-kit';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startLocalCloud } from '../cloud';
import { fixtureManifest } from '../testing/fixture/manifest';

const dataDir = mkdtempSync(join(tmpdir(), 'carelink-checkpoints-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A local cloud whose outbox relay only records which outbox items reached it. */
async function cloudRecordingRelays(relayed: string[]) {
  return startLocalCloud({
    dynamoDbEndpoint: inject('dynamoDbEndpoint'),
    prefix: 'restart',
    dataDir,
    manifests: [fixtureManifest],
    seed: false,
    outboxRelay: async () => async (event) => {
      relayed.push(...event.Records.map((record: DynamoDBRecord) => String(record.dynamodb?.Keys?.sk?.S)));
      return { batchItemFailures: [] };
    },
  });
}

async function writeOutboxItems(table: string, ids: readonly string[]) {
  const db = createDocumentClient();
  for (const id of ids)
    await db.send(new PutCommand({ TableName: table, Item: { pk: 'OUTBOX', sk: id, kind: 'outbox' } }));
}

describe('stream relay checkpoints', () => {
  it('continues after a restart from where it stopped, without replaying what it had delivered', async () => {
    const firstRun: string[] = [];
    const first = await cloudRecordingRelays(firstRun);
    await writeOutboxItems(first.tableName('intake'), ['before-1', 'before-2', 'before-3']);
    await first.settle();
    await first.stop();
    expect(firstRun).toEqual(['before-1', 'before-2', 'before-3']);

    const secondRun: string[] = [];
    const second = await cloudRecordingRelays(secondRun);
    try {
      await writeOutboxItems(second.tableName('intake'), ['after-1']);
      await second.settle();
      expect(secondRun).toEqual(['after-1']);
    } finally {
      await second.stop();
    }
  });
});
