import type { DeliveryAttempt } from '../domain/webhook-delivery';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** Sends one webhook request and reports how it went; never throws for a receiver's failure. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<Omit<DeliveryAttempt, 'at'>>;
}

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** The production sender: `fetch` with a 5 s timeout; redirects are not followed. */
export class FetchWebhookSender implements WebhookSender {
  constructor(private readonly timeoutMs = WEBHOOK_TIMEOUT_MS) {}

  async send(request: WebhookRequest): Promise<Omit<DeliveryAttempt, 'at'>> {
    const started = performance.now();
    const durationMs = () => Math.max(0, Math.round(performance.now() - started));
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      const statusCode = response.status;
      const outcome = statusCode >= 200 && statusCode < 300 ? 'succeeded' : 'http-error';
      return { statusCode, outcome, durationMs: durationMs() };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { outcome: timedOut ? 'timeout' : 'network-error', durationMs: durationMs() };
    }
  }
}
