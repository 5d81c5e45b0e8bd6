import { randomBytes } from 'node:crypto';

/** A new webhook signing secret: 256 random bits. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
