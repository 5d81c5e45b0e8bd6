import {
  ConflictError,
  NotFoundError,
  DomainError as ProblemError,
  ValidationError,
} from '@carelink/lambda-kit';
import {
  ConsentNotFoundError,
  ConsentObtainedInFutureError,
  ConsentsChangedError,
  PatientNotFoundError,
} from './application/errors';
import {
  ConsentAlreadyRevokedError,
  ConsentIncompleteError,
  ConsentRevokedBeforeObtainedError,
  InvalidInputError,
} from './domain';

/** Request fields of each consent domain path, so problems point at what the caller sent. */
const requestPath: Record<string, string> = {
  billingPractitionerId: 'billingPractitionerNpi',
  'discussed.rightToStopAnyTime': 'rightToStopAnyTime',
  'discussed.onlyOnePractitionerBillsPerMonth': 'onlyOnePractitionerBillsPerMonth',
  'discussed.costSharingExplained': 'costSharingExplained',
};

/**
 * The one place eligibility's own errors become problem types. Details name fields and codes only;
 * no patient data reaches them.
 */
export function mapError(error: unknown): Error | undefined {
  if (error instanceof ProblemError) return undefined;
  if (error instanceof PatientNotFoundError) return new NotFoundError('Patient');
  if (error instanceof ConsentNotFoundError) return new NotFoundError('Consent');
  if (error instanceof ConsentIncompleteError) {
    return new ValidationError(
      'Every required discussion item must be covered before consent is recorded',
      error.missingItems.map((item) => ({ path: item, code: 'must_be_true' })),
    );
  }
  if (error instanceof ConsentObtainedInFutureError) {
    return new ValidationError('obtainedAt must not be in the future', [
      { path: 'obtainedAt', code: 'in_future' },
    ]);
  }
  if (error instanceof ConsentRevokedBeforeObtainedError) {
    return new ValidationError('revokedAt must not be before the consent was obtained', [
      { path: 'revokedAt', code: 'before_obtained' },
    ]);
  }
  if (error instanceof ConsentAlreadyRevokedError) return new ConflictError('The consent is already revoked');
  if (error instanceof ConsentsChangedError) {
    return new ConflictError("The patient's consents changed concurrently; read them again and retry");
  }
  if (error instanceof InvalidInputError) {
    return new ValidationError(
      'The request is not valid',
      error.paths.map((path) => ({ path: requestPath[path] ?? path, code: 'invalid' })),
    );
  }
  return undefined;
}
