import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIPv6 } from 'node:net';
import type { DeliveryAttempt } from '../domain/webhook-delivery';

export interface WebhookRequest {
  url: URL;
  /** The vetted address to connect to: the request never resolves the host a second time. */
  address: string;
  body: string;
  headers: Record<string, string>;
}

/** Sends one webhook request and reports how it went; never throws for a receiver's failure. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<Omit<DeliveryAttempt, 'at'>>;
}

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** A DNS lookup that answers with the address already checked, so a rebinding resolver cannot swap it. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIPv6(address) ? 6 : 4;
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * The production sender: one POST over HTTPS (plain HTTP only reaches here for a developer's
 * loopback receiver), connected to the vetted address with the URL's host name for TLS and `Host`.
 * Redirects are never followed; the answer's body is discarded unread.
 */
export function createHttpWebhookSender(timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookSender {
  return {
    send({ url, address, body, headers }) {
      const started = performance.now();
      const durationMs = () => Math.max(0, Math.round(performance.now() - started));
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            lookup: pinnedLookup(address),
            signal: AbortSignal.timeout(timeoutMs),
          },
          (response) => {
            response.resume();
            const statusCode = response.statusCode ?? 0;
            const outcome = statusCode >= 200 && statusCode < 300 ? 'succeeded' : 'http-error';
            resolve({ statusCode, outcome, durationMs: durationMs() });
          },
        );
        outgoing.on('error', (error) => {
          const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
          resolve({ outcome: timedOut ? 'timeout' : 'network-error', durationMs: durationMs() });
        });
        outgoing.end(body);
      });
    },
  };
}
