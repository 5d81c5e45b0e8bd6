import { DomainError } from '@carelink/contracts';

/** A consent cannot be recorded as obtained in the future. */
export class ConsentObtainedInFutureError extends DomainError {
  override readonly name = 'ConsentObtainedInFutureError';
  readonly code = 'consent-obtained-in-future';
  readonly problemType = 'validation-failed';
  constructor() {
    super('obtainedAt must not be in the future', { fields: [{ path: 'obtainedAt', code: 'in_future' }] });
  }
}

/** Another consent change for the same patient committed first; the caller may retry. */
export class ConsentsChangedError extends DomainError {
  override readonly name = 'ConsentsChangedError';
  readonly code = 'consents-changed';
  readonly problemType = 'conflict';
  constructor() {
    super("The patient's consents changed concurrently; read them again and retry");
  }
}
