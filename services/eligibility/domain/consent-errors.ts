import { DomainError } from '@carelink/contracts';

/** Discussion items that must be covered before CCM/PCM consent is valid. */
export type ConsentDiscussionItem =
  | 'rightToStopAnyTime'
  | 'onlyOnePractitionerBillsPerMonth'
  | 'costSharingExplained';

/** Consent was captured without every required discussion item. */
export class ConsentIncompleteError extends DomainError {
  override readonly name = 'ConsentIncompleteError';
  readonly code = 'CONSENT_INCOMPLETE';
  readonly problemType = 'validation-failed';
  constructor(readonly missingItems: readonly ConsentDiscussionItem[]) {
    super('Every required discussion item must be covered before consent is recorded', {
      fields: missingItems.map((item) => ({ path: item, code: 'must_be_true' })),
    });
  }
}

/** A consent can be revoked once only. */
export class ConsentAlreadyRevokedError extends DomainError {
  override readonly name = 'ConsentAlreadyRevokedError';
  readonly code = 'CONSENT_ALREADY_REVOKED';
  readonly problemType = 'conflict';
  constructor(readonly consentId: string) {
    super('The consent is already revoked');
  }
}

/** A revocation cannot predate the consent it revokes. */
export class ConsentRevokedBeforeObtainedError extends DomainError {
  override readonly name = 'ConsentRevokedBeforeObtainedError';
  readonly code = 'CONSENT_REVOKED_BEFORE_OBTAINED';
  readonly problemType = 'validation-failed';
  constructor(readonly consentId: string) {
    super('revokedAt must not be before the consent was obtained', {
      fields: [{ path: 'revokedAt', code: 'before_obtained' }],
    });
  }
}
