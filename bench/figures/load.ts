import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { startLocalCloud } from '../../packages/local/src/cloud';
import { apiClient } from '../../packages/local/src/testing/api-client';
import { directoryManifest } from '../../services/directory/manifest';
import { intakeManifest } from '../../services/intake/manifest';
import { referralBody } from '../../services/intake/testing/referral-fixtures';
import { type Figure, figure } from '../figure';

const CONCURRENCY = 10;

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** What loopback and the load generator manage against a server that does nothing. */
async function bareServerThroughput(seconds: number): Promise<number> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const result = await run({
      url: `http://127.0.0.1:${port}/`,
      connections: CONCURRENCY,
      duration: seconds,
    });
    return result.requests.average;
  } finally {
    server.close();
  }
}

/**
 * Load on the local API over loopback: POST /v1/referrals and GET /v1/referrals/{id} for a fixed
 * duration at a fixed concurrency. Zero errors and zero lost writes (every 201 is a stored referral).
 */
export async function loadFigures(seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30)): Promise<Figure[]> {
  // The directory's seed onboards the partner, its client and the agreements intake routes by.
  const cloud = await startLocalCloud({
    manifests: [directoryManifest, intakeManifest],
    prefix: `load${Date.now()}`,
  });
  try {
    await cloud.settle();
    const token = await cloud.token('northwind-health');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let sequence = 0;
    const created = new Set<string>();
    const post = await run({
      url: `${cloud.apiUrl}/v1/referrals`,
      connections: CONCURRENCY,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            sequence++;
            return {
              ...request,
              headers: { ...headers, 'idempotency-key': `load-${Date.now()}-${sequence}` },
              body: JSON.stringify(referralBody()),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) created.add((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    });
    const partner = await apiClient(cloud, 'northwind-health');
    const someId = created.values().next().value as string;
    const get = await run({
      url: `${cloud.apiUrl}/v1/referrals/${someId}`,
      connections: CONCURRENCY,
      duration: seconds,
      headers,
    });
    // Count what was stored, through the API, page by page.
    // Requests still in flight when the clock ran out may have been stored without being counted.
    const stored = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await partner.get<{ items: { id: string }[]; nextCursor?: string }>(
        `/v1/referrals?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      if (page.status !== 200)
        throw new Error(`listing referrals failed: ${page.status} ${JSON.stringify(page.body)}`);
      for (const item of page.body.items) stored.add(item.id);
      cursor = page.body.nextCursor;
    } while (cursor);
    const lost = [...created].filter((id) => !stored.has(id)).length;
    const baseline = await bareServerThroughput(Math.min(seconds, 10));
    const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
    return [
      figure({
        figure: 'load: POST /v1/referrals throughput',
        value: post.requests.average,
        unit: 'req/s',
        baseline,
        baselineLabel: 'empty HTTP server, same load',
        target: '0 errors, 0 lost writes',
        pass: errors(post) === 0 && lost === 0,
        note: `${post.requests.total} requests, p99 ${post.latency.p99} ms, ${errors(post)} errors; ${created.size} created, ${stored.size} stored, ${lost} lost (${CONCURRENCY} connections, ${seconds} s)`,
      }),
      figure({
        figure: 'load: GET /v1/referrals/{id} throughput',
        value: get.requests.average,
        unit: 'req/s',
        baseline,
        baselineLabel: 'empty HTTP server, same load',
        target: '0 errors',
        pass: errors(get) === 0,
        note: `${get.requests.total} requests, p99 ${get.latency.p99} ms, ${errors(get)} errors`,
      }),
    ];
  } finally {
    await cloud.stop();
  }
}
