import { startLocalCloud } from '../../packages/local/src/cloud';
import { apiClient } from '../../packages/local/src/testing/api-client';
import { fixtureManifest } from '../../packages/local/src/testing/fixture/manifest';
import { directoryManifest } from '../../services/directory/manifest';
import { type Figure, figure, percentile, sortNumbers } from '../figure';

/**
 * Latency from an API write to the consumer's committed state change, through outbox, stream
 * relay, bus, rule, queue and consumer, on the local cloud; against the API write alone.
 */
export async function pipelineFigures(
  count = Number(process.env.BENCH_PIPELINE_EVENTS ?? 1_000),
  writers = Number(process.env.BENCH_PIPELINE_WRITERS ?? 8),
): Promise<Figure[]> {
  // The directory's seed is the partner whose client writes; the fixture service is the pipeline.
  const cloud = await startLocalCloud({
    manifests: [directoryManifest, fixtureManifest],
    prefix: `bench${Date.now()}`,
  });
  try {
    const writer = await apiClient(cloud, 'staff-boston-care-manager');
    const queue = cloud.queues.get('intake-ping-consumer');
    if (!queue) throw new Error('fixture queue missing');
    const writtenAt = new Map<string, number>();
    // Per event, its first successful delivery: at-least-once redelivery (a batch outliving the
    // local visibility timeout) is counted apart, so a duplicate never stands in for a lost event.
    const delivered = new Map<string, number>();
    let duplicates = 0;
    const apiLatencies: number[] = [];
    queue.onProcessed((message, succeeded) => {
      if (!succeeded) return;
      const id = (JSON.parse(message.body) as { detail: { data: { referralId: string } } }).detail.data
        .referralId;
      const start = writtenAt.get(id);
      if (start === undefined) return;
      if (delivered.has(id)) duplicates++;
      else delivered.set(id, performance.now() - start);
    });
    // Warm every function once, as a warm Lambda would be.
    await writer.post('/v1/pings', { mode: 'ok' });
    await cloud.settle();
    // Concurrent partners writing as fast as the API answers them: latency under a steady load.
    let next = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < count) {
          next++;
          const started = performance.now();
          const res = await writer.post<{ id: string }>('/v1/pings', { mode: 'ok' });
          apiLatencies.push(performance.now() - started);
          writtenAt.set(res.body.id, started);
        }
      }),
    );
    await cloud.settle(120_000);
    const sorted = sortNumbers([...delivered.values()]);
    const api = sortNumbers(apiLatencies);
    return [
      figure({
        figure: `pipeline: write → consumer p50 (${writers} writers)`,
        value: percentile(sorted, 50),
        unit: 'ms',
        baseline: percentile(api, 50),
        baselineLabel: 'API write alone (p50)',
        target: '<= 500 ms on the local cloud',
        pass: percentile(sorted, 50) <= 500,
        note: `${delivered.size}/${count} events delivered, ${duplicates} redelivered`,
      }),
      figure({
        figure: `pipeline: write → consumer p99 (${writers} writers)`,
        value: percentile(sorted, 99),
        unit: 'ms',
        baseline: percentile(api, 99),
        baselineLabel: 'API write alone (p99)',
        target: '<= 2000 ms on the local cloud, none lost',
        pass: percentile(sorted, 99) <= 2000 && delivered.size === count,
      }),
    ];
  } finally {
    await cloud.stop();
  }
}
