/** The patient is unknown to this service or to the caller's practice (answered as 404). */
export class PatientNotFoundError extends Error {
  override readonly name = 'PatientNotFoundError';
  constructor() {
    super('Patient not found');
  }
}

/** No such consent for this patient in the caller's practice (answered as 404). */
export class ConsentNotFoundError extends Error {
  override readonly name = 'ConsentNotFoundError';
  constructor() {
    super('Consent not found');
  }
}

/** A consent cannot be recorded as obtained in the future. */
export class ConsentObtainedInFutureError extends Error {
  override readonly name = 'ConsentObtainedInFutureError';
  constructor() {
    super('obtainedAt is in the future');
  }
}

/** Another consent change for the same patient committed first; the caller may retry. */
export class ConsentsChangedError extends Error {
  override readonly name = 'ConsentsChangedError';
  constructor() {
    super("The patient's consents changed concurrently");
  }
}
