import type { Referral } from '../domain/referral';
import { deliveryClassOf } from '../domain/webhook-delivery';
import type { WebhookDelivery, WebhookSubscription } from '../store/webhook-store';

/** The referral as its partner reads it (internal bookkeeping left out). */
export function referralResource(referral: Referral) {
  const {
    tenantId: _tenant,
    partnerId: _partner,
    patientKey: _patientKey,
    determinationVersion: _determination,
    cases: _cases,
    ...rest
  } = referral;
  return rest;
}

/** Ids and statuses only, for lists. */
export function referralSummary(referral: Referral) {
  return {
    id: referral.id,
    externalReferralId: referral.externalReferralId,
    status: referral.status,
    taskStatus: referral.taskStatus,
    businessStatus: referral.businessStatus,
    priority: referral.priority,
    requestedPrograms: referral.requestedPrograms,
    version: referral.version,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
  };
}

/** A subscription without its secret. */
export function webhookResource(subscription: WebhookSubscription) {
  return {
    id: subscription.id,
    url: subscription.url,
    events: subscription.events,
    status: subscription.status,
    createdAt: subscription.createdAt,
  };
}

/** A delivery with each attempt's class only: what the receiver answered is not the partner's to map. */
export function deliveryResource(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    referralId: delivery.referralId,
    status: delivery.status,
    attempts: delivery.attempts.map((attempt, index) => ({
      attempt: index + 1,
      at: attempt.at,
      outcome: deliveryClassOf(attempt.outcome),
    })),
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
    createdAt: delivery.createdAt,
  };
}
