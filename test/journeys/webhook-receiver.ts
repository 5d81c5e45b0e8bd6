import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  body: string;
  signature: string;
  /** Both signatures check out: `Carelink-Signature` and the Standard Webhooks headers. */
  verified: boolean;
  standardVerified: boolean;
}

/**
 * The Standard Webhooks signature as the `standardwebhooks` library computes it for these headers
 * (its `verify` also enforces a 5-minute tolerance against the wall clock, which a local cloud on a
 * set clock would fail; the signature itself is what is checked here).
 */
function standardWebhookVerified(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = Number(headers['webhook-timestamp'] ?? Number.NaN);
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !Number.isFinite(timestamp) || !secret) return false;
  const expected = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
  return signatures.includes(expected);
}

/**
 * A partner's webhook endpoint on 127.0.0.1 that verifies each delivery independently of the
 * sender: `Carelink-Signature: t=..,v1=..` (HMAC-SHA256 over `<t>.<body>`, any of the v1 values)
 * and the Standard Webhooks headers with the `standardwebhooks` library.
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
      const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
      const carelinkVerified = [...signature.matchAll(/v1=([0-9a-f]+)/g)].some(
        ([, v1]) => v1?.length === expected.length && timingSafeEqual(Buffer.from(v1), Buffer.from(expected)),
      );
      const standardVerified = standardWebhookVerified(secret, req.headers, body);
      const verified = carelinkVerified && standardVerified;
      received.push({ body, signature, verified, standardVerified });
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
