import { startLocalCloud } from '../../packages/local/src/cloud';
import { apiClient } from '../../packages/local/src/testing/api-client';
import { fixtureManifest } from '../../packages/local/src/testing/fixture/manifest';
import { type Figure, figure, percentile, sortNumbers } from '../figure';

/**
 * Latency from an API write to the consumer's committed state change, through outbox, stream
 * relay, bus, rule, queue and consumer, on the local cloud; against the API write alone.
 */
export async function pipelineFigures(count = 1_000): Promise<Figure[]> {
  const cloud = await startLocalCloud({
    manifests: [fixtureManifest],
    prefix: `bench${Date.now()}`,
    seed: false,
  });
  try {
    const partner = await apiClient(cloud, 'northwind-health');
    const queue = cloud.queues.get('intake-ping-consumer');
    if (!queue) throw new Error('fixture queue missing');
    const writtenAt = new Map<string, number>();
    const latencies: number[] = [];
    const apiLatencies: number[] = [];
    queue.onProcessed((message, succeeded) => {
      if (!succeeded) return;
      const id = (JSON.parse(message.body) as { detail: { data: { referralId: string } } }).detail.data
        .referralId;
      const start = writtenAt.get(id);
      if (start !== undefined) latencies.push(performance.now() - start);
    });
    // Warm every function once, as a warm Lambda would be.
    await partner.post('/v1/pings', { mode: 'ok' });
    await cloud.settle();
    latencies.length = 0;
    // Two writers keep the pipeline busy without saturating it: this is latency, not backlog.
    const inFlight = 2;
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          next++;
          const started = performance.now();
          const res = await partner.post<{ id: string }>('/v1/pings', { mode: 'ok' });
          apiLatencies.push(performance.now() - started);
          writtenAt.set(res.body.id, started);
        }
      }),
    );
    await cloud.settle(120_000);
    const sorted = sortNumbers(latencies);
    const api = sortNumbers(apiLatencies);
    return [
      figure({
        figure: 'pipeline: write -> consumer p50',
        value: percentile(sorted, 50),
        unit: 'ms',
        baseline: percentile(api, 50),
        baselineLabel: 'API write alone (p50)',
        target: '<= 500 ms on the local cloud',
        pass: percentile(sorted, 50) <= 500,
        note: `${latencies.length}/${count} events delivered`,
      }),
      figure({
        figure: 'pipeline: write -> consumer p99',
        value: percentile(sorted, 99),
        unit: 'ms',
        baseline: percentile(api, 99),
        baselineLabel: 'API write alone (p99)',
        target: '<= 2000 ms on the local cloud, none lost',
        pass: percentile(sorted, 99) <= 2000 && latencies.length === count,
      }),
    ];
  } finally {
    await cloud.stop();
  }
}
