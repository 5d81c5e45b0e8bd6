import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where a stream relay has got to, per shard: the sequence number up to which every record has
 * been delivered (or filtered out). Kept with the data, as Lambda's event source mapping keeps its
 * position, so a restart on the same data continues instead of replaying the table's history.
 */
export interface StreamCheckpoints {
  get(shardId: string): string | undefined;
  /** The highest position of any shard: records at or below it were handled before a restart. */
  highWater(): string | undefined;
  set(shardId: string, sequenceNumber: string): void;
}

/** Stream sequence numbers are decimal strings of varying length: compare them as numbers. */
export function compareSequence(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function memoryCheckpoints(): StreamCheckpoints {
  const positions = new Map<string, string>();
  return {
    get: (shardId) => positions.get(shardId),
    highWater: () => [...positions.values()].sort(compareSequence).at(-1),
    set: (shardId, sequenceNumber) => {
      positions.set(shardId, sequenceNumber);
    },
  };
}

/** Checkpoints in one JSON file, replaced atomically on every change (a crash keeps the last one). */
export function fileCheckpoints(path: string): StreamCheckpoints {
  let positions: Record<string, string> = {};
  try {
    positions = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch {
    // No checkpoint yet: the relay starts from the oldest record.
  }
  return {
    get: (shardId) => positions[shardId],
    highWater: () => Object.values(positions).sort(compareSequence).at(-1),
    set(shardId, sequenceNumber) {
      if (positions[shardId] === sequenceNumber) return;
      positions = { ...positions, [shardId]: sequenceNumber };
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(positions));
      renameSync(`${path}.tmp`, path);
    },
  };
}
