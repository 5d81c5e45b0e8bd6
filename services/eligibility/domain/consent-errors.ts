import { DomainError } from './domain-error';

/** Discussion items that must be covered before CCM/PCM consent is valid. */
export type ConsentDiscussionItem =
  | 'rightToStopAnyTime'
  | 'onlyOnePractitionerBillsPerMonth'
  | 'costSharingExplained';

/** Consent was captured without every required discussion item. */
export class ConsentIncompleteError extends DomainError {
  override readonly name = 'ConsentIncompleteError';
  readonly code = 'CONSENT_INCOMPLETE';
  constructor(readonly missingItems: readonly ConsentDiscussionItem[]) {
    super(`Consent is missing required discussion items: ${missingItems.join(', ')}`);
  }
}

/** A consent can be revoked once only. */
export class ConsentAlreadyRevokedError extends DomainError {
  override readonly name = 'ConsentAlreadyRevokedError';
  readonly code = 'CONSENT_ALREADY_REVOKED';
  constructor(readonly consentId: string) {
    super(`Consent ${consentId} is already revoked`);
  }
}

/** A revocation cannot predate the consent it revokes. */
export class ConsentRevokedBeforeObtainedError extends DomainError {
  override readonly name = 'ConsentRevokedBeforeObtainedError';
  readonly code = 'CONSENT_REVOKED_BEFORE_OBTAINED';
  constructor(readonly consentId: string) {
    super(`Consent ${consentId} cannot be revoked before it was obtained`);
  }
}
