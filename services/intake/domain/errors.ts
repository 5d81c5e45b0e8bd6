import { DomainError, type ReferralStatus } from '@carelink/contracts';

// Intake's expected failures; each names its problem type. Messages carry ids and statuses, never PHI.

/** The partner already sent a referral with this external id. */
export class DuplicateReferralError extends DomainError {
  override readonly name = 'DuplicateReferralError';
  readonly code = 'duplicate-referral';
  readonly problemType = 'conflict';
  constructor(readonly existingReferralId: string) {
    super('A referral with this externalReferralId already exists', {
      existing: `/v1/referrals/${existingReferralId}`,
    });
  }
}

/** "a referred", "an enrolled": statuses read as adjectives in messages. */
const withArticle = (status: ReferralStatus) => `${/^[aeiou]/.test(status) ? 'An' : 'A'} ${status}`;

/** A lifecycle move the state machine does not allow. */
export class IllegalTransitionError extends DomainError {
  override readonly name = 'IllegalTransitionError';
  readonly code = 'illegal-transition';
  readonly problemType = 'conflict';
  constructor(
    readonly from: ReferralStatus,
    readonly to: ReferralStatus,
  ) {
    super(`${withArticle(from)} referral cannot become ${to}`);
  }
}

/** The partner may no longer change this referral. */
export class ReferralLockedError extends DomainError {
  override readonly name = 'ReferralLockedError';
  readonly code = 'referral-locked';
  readonly problemType = 'conflict';
  constructor(readonly status: ReferralStatus) {
    super(`${withArticle(status)} referral can no longer be changed`);
  }
}

/** If-Match named an older version, or the referral changed concurrently. */
export class StaleVersionError extends DomainError {
  override readonly name = 'StaleVersionError';
  readonly code = 'stale-version';
  readonly problemType = 'precondition-failed';
  constructor() {
    super('The resource has a newer version; read it again and retry');
  }
}

export class TooManyWebhooksError extends DomainError {
  override readonly name = 'TooManyWebhooksError';
  readonly code = 'too-many-webhooks';
  readonly problemType = 'conflict';
  constructor(limit: number) {
    super(`A partner may have at most ${limit} webhook subscriptions`);
  }
}

/** The webhook URL leads somewhere a delivery must never go (an internal, private or special address). */
export class ForbiddenWebhookTargetError extends DomainError {
  override readonly name = 'ForbiddenWebhookTargetError';
  readonly code = 'forbidden-address';
  readonly problemType = 'validation-failed';
  constructor(readonly reason: 'forbidden-address' | 'https-required') {
    super('The webhook URL must lead to a public HTTPS endpoint', {
      fields: [{ path: 'url', code: reason }],
    });
  }
}

export type WebhookTargetRefusal = 'forbidden-address' | 'unresolvable-host' | 'https-required';

/** No agreement of the partner takes this referral (programs, dates, routing). */
export class NoNetworkPracticeError extends DomainError {
  override readonly name = 'NoNetworkPracticeError';
  readonly code = 'no-network-practice';
  readonly problemType = 'no-network-practice';
  constructor() {
    super(
      "No practice in the partner's network takes this referral: no agreement in force covers the requested programs and the member's attributed practitioner, area or a default",
    );
  }
}
