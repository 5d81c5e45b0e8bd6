import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it, vi } from 'vitest';
import { StreamRelay } from './stream-relay';

/** The unit project shares the machine with integration files: give each wait room. */
const patience = { timeout: 10_000 };

/** A stream of one shard whose reads answer only when the test says so. */
function heldStream() {
  const reads: ((output: Partial<GetRecordsCommandOutput>) => void)[] = [];
  const client = {
    send: (command: unknown) => {
      if (command instanceof DescribeStreamCommand)
        return Promise.resolve({ StreamDescription: { Shards: [{ ShardId: 'shard-1' }] } });
      if (command instanceof GetShardIteratorCommand) return Promise.resolve({ ShardIterator: 'iterator' });
      if (command instanceof GetRecordsCommand)
        return new Promise((resolve) =>
          reads.push((output) => resolve({ NextShardIterator: 'iterator', ...output })),
        );
      return Promise.reject(new Error(`unexpected ${String(command)}`));
    },
  } as unknown as DynamoDBStreamsClient;
  const answer = async (output: Partial<GetRecordsCommandOutput>) => {
    await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0), patience);
    reads.shift()?.(output);
  };
  return { client, answer };
}

const outboxInsert = (sequence: string) => ({
  eventName: 'INSERT' as const,
  dynamodb: {
    SequenceNumber: sequence,
    Keys: { pk: { S: 'OUTBOX' }, sk: { S: sequence } },
    NewImage: { pk: { S: 'OUTBOX' }, sk: { S: sequence }, kind: { S: 'outbox' } },
  },
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stream relay idleness', () => {
  it('is not settled by a read that was already in flight when the moment began', async () => {
    const stream = heldStream();
    const delivered: string[] = [];
    const relay = new StreamRelay(
      stream.client,
      'arn:stream',
      async () => async (event) => {
        delivered.push(...event.Records.map((r) => String(r.dynamodb?.SequenceNumber)));
        return { batchItemFailures: [] };
      },
      { pollMs: 1 },
    );
    relay.start();
    try {
      await stream.answer({ Records: [] });
      await vi.waitFor(() => expect(relay.hasReadEmptySince(0)).toBe(true), patience);

      // The next read is in flight (held). A record written now may or may not be in its answer.
      await vi.waitFor(() => expect(relay.isIdle()).toBe(true), patience);
      await pause(2);
      const writtenAt = Date.now();
      await pause(2);
      expect(relay.isIdle()).toBe(true);
      expect(relay.hasReadEmptySince(writtenAt)).toBe(false);

      // That read comes back empty: it began before the write, so it proves nothing yet.
      await stream.answer({ Records: [] });
      await pause(5);
      // The next read finds the record and delivers it; only a read after that, empty, settles.
      await stream.answer({ Records: [outboxInsert('100')] });
      await vi.waitFor(() => expect(delivered).toEqual(['100']), patience);
      expect(relay.hasReadEmptySince(writtenAt)).toBe(false);
      await stream.answer({ Records: [] });
      await vi.waitFor(() => expect(relay.hasReadEmptySince(writtenAt)).toBe(true), patience);
    } finally {
      relay.stop();
    }
  });
});
