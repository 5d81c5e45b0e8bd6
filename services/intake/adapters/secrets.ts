import { randomBytes } from 'node:crypto';

/**
 * A new webhook signing secret: 256 random bits as `whsec_<base64>`, the form Standard Webhooks
 * libraries take as it is.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
