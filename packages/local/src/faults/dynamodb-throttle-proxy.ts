import { randomUUID } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThrottleProxyOptions {
  /** The DynamoDB endpoint requests are forwarded to, e.g. DynamoDB Local's. */
  target: string;
  /** Asked once per request with its operation (`PutItem`, `TransactWriteItems`...): throttle it? */
  shouldThrottle: (operation: string) => boolean;
}

export interface ThrottleProxyStats {
  forwarded: number;
  throttled: number;
  throttledByOperation: Record<string, number>;
}

export interface ThrottleProxy {
  url: string;
  readonly stats: ThrottleProxyStats;
  stop(): Promise<void>;
}

const THROTTLE_BODY = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
  message: 'Rate exceeded',
});

/**
 * An HTTP proxy in front of DynamoDB that answers chosen requests as DynamoDB does when a table or
 * partition is over its throughput: 400 `ThrottlingException`, without forwarding them, so nothing
 * of the request is applied. Every other request is passed through unchanged.
 */
export async function startThrottleProxy(options: ThrottleProxyOptions): Promise<ThrottleProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const stats: ThrottleProxyStats = { forwarded: 0, throttled: 0, throttledByOperation: {} };

  const throttle = (req: IncomingMessage, res: ServerResponse, operation: string) => {
    stats.throttled++;
    stats.throttledByOperation[operation] = (stats.throttledByOperation[operation] ?? 0) + 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(THROTTLE_BODY),
        'x-amzn-requestid': randomUUID(),
      });
      res.end(THROTTLE_BODY);
    });
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    stats.forwarded++;
    const upstream = request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      res.writeHead(503, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'ServiceUnavailable', message: 'upstream unavailable' }));
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const amzTarget = String(req.headers['x-amz-target'] ?? '');
    const operation = amzTarget.slice(amzTarget.indexOf('.') + 1) || 'unknown';
    if (options.shouldThrottle(operation)) throttle(req, res, operation);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
