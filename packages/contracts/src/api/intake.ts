import type { RouteContract } from '../route-contract';
import { getReferralAccessLogRoute } from './intake/access-log';
import {
  cancelReferralRoute,
  createReferralRoute,
  getReferralRoute,
  listReferralsRoute,
  updateReferralRoute,
} from './intake/referrals';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listWebhookDeliveriesRoute,
  listWebhooksRoute,
  rotateWebhookSecretRoute,
} from './intake/webhooks';

/**
 * The partner API: referrals, webhooks and the access log. Each area is its own module so that a
 * function bundles only the schemas of its route.
 */
export * from './intake/access-log';
export * from './intake/referrals';
export * from './intake/webhooks';

/** Routes served by the intake service. */
export const intakeRoutes: readonly RouteContract[] = [
  createReferralRoute,
  getReferralRoute,
  listReferralsRoute,
  updateReferralRoute,
  cancelReferralRoute,
  createWebhookRoute,
  listWebhooksRoute,
  deleteWebhookRoute,
  listWebhookDeliveriesRoute,
  getReferralAccessLogRoute,
  rotateWebhookSecretRoute,
];
