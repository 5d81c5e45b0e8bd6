import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  signature: string;
  verified: boolean;
}

/**
 * A partner's webhook endpoint on 127.0.0.1 that verifies `Carelink-Signature: t=..,v1=..`
 * independently of the sender: HMAC-SHA256 over `<t>.<body>` with the subscription's secret.
 */
export async function startWebhookReceiver() {
  let secret = '';
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['carelink-signature'] ?? '');
      const t = /t=(\d+)/.exec(signature)?.[1] ?? '';
      const v1 = /v1=([0-9a-f]+)/.exec(signature)?.[1] ?? '';
      const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
      const verified =
        v1.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
      received.push({ body, signature, verified });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/carelink/webhooks`,
    received,
    useSecret: (value: string) => {
      secret = value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
