import { createServiceRuntime } from '@carelink/lambda-kit';
import { FetchWebhookSender, type WebhookSender } from './adapters/webhook-sender';
import { ReferralStore } from './store/referral-store';
import { WebhookStore } from './store/webhook-store';

/** The intake composition root: one runtime per process and the stores built on it. */
export const runtime = createServiceRuntime('intake');
export const referrals = new ReferralStore(runtime);
export const webhooks = new WebhookStore(runtime);
export const webhookSender: WebhookSender = new FetchWebhookSender();
/** Jitter source for webhook retries. */
export const random = (): number => Math.random();
