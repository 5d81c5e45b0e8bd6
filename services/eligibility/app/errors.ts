import { DomainError } from '@carelink/contracts';

/** The patient is unknown to this service or to the caller's practice (answered as 404). */
export class PatientNotFoundError extends DomainError {
  override readonly name = 'PatientNotFoundError';
  readonly code = 'patient-not-found';
  readonly problemType = 'not-found';
  constructor() {
    super('Patient not found');
  }
}

/** No such consent for this patient in the caller's practice (answered as 404). */
export class ConsentNotFoundError extends DomainError {
  override readonly name = 'ConsentNotFoundError';
  readonly code = 'consent-not-found';
  readonly problemType = 'not-found';
  constructor() {
    super('Consent not found');
  }
}

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
