import type { ReferralStatus } from '@carelink/contracts';

/** Intake's own failures; `services/intake/http-errors.ts` maps them to problem types. Never carry PHI. */
export class IntakeError extends Error {
  override name = 'IntakeError';
}

export class ReferralNotFoundError extends IntakeError {
  override name = 'ReferralNotFoundError';
}

export class WebhookNotFoundError extends IntakeError {
  override name = 'WebhookNotFoundError';
}

/** The partner already sent a referral with this external id. */
export class DuplicateReferralError extends IntakeError {
  override name = 'DuplicateReferralError';
  constructor(readonly existingReferralId: string) {
    super('A referral with this externalReferralId already exists');
  }
}

/** A lifecycle move the state machine does not allow. */
export class IllegalTransitionError extends IntakeError {
  override name = 'IllegalTransitionError';
  constructor(
    readonly from: ReferralStatus,
    readonly to: ReferralStatus,
  ) {
    super(`A ${from} referral cannot become ${to}`);
  }
}

/** The partner may no longer change this referral. */
export class ReferralLockedError extends IntakeError {
  override name = 'ReferralLockedError';
  constructor(readonly status: ReferralStatus) {
    super(`A ${status} referral can no longer be changed`);
  }
}

/** If-Match named an older version. */
export class StaleVersionError extends IntakeError {
  override name = 'StaleVersionError';
}

export class TooManyWebhooksError extends IntakeError {
  override name = 'TooManyWebhooksError';
}
