import { DomainError } from './domain-error';

/** A diagnosis code that is not shaped like an ICD-10-CM code. */
export class InvalidDiagnosisCodeError extends DomainError {
  override readonly name = 'InvalidDiagnosisCodeError';
  readonly code = 'INVALID_DIAGNOSIS_CODE';
  constructor() {
    // The code itself stays out of the message: a diagnosis tied to a referral is PHI.
    super('Diagnosis code is not a valid ICD-10-CM code');
  }
}

/**
 * ICD-10-CM shape: a letter, a digit, a digit or letter (C4A, M1A), then up to four more
 * characters, with an optional dot only after the third character.
 */
const ICD10_CM = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;

/** True when `code` is shaped like an ICD-10-CM code (case-insensitive, dot optional). */
export function isIcd10CmCode(code: string): boolean {
  return ICD10_CM.test(code.trim().toUpperCase());
}

/** Canonical form used for matching: upper case, no dot (`e11.9` -> `E119`). Throws on bad shapes. */
export function normalizeIcd10CmCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!ICD10_CM.test(upper)) throw new InvalidDiagnosisCodeError();
  return upper.replace('.', '');
}
