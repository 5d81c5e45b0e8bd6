import { DomainError, undottedIcd10Cm } from '@carelink/contracts';

/** A diagnosis code that is not shaped like an ICD-10-CM code. */
export class InvalidDiagnosisCodeError extends DomainError {
  override readonly name = 'InvalidDiagnosisCodeError';
  readonly code = 'INVALID_DIAGNOSIS_CODE';
  readonly problemType = 'validation-failed';
  constructor() {
    // The code itself stays out of the message: a diagnosis tied to a referral is PHI.
    super('Diagnosis code is not a valid ICD-10-CM code');
  }
}

/** Canonical form used for matching: upper case, no dot (`e11.9` -> `E119`). Throws on bad shapes. */
export function normalizeIcd10CmCode(code: string): string {
  const undotted = undottedIcd10Cm(code);
  if (undotted === undefined) throw new InvalidDiagnosisCodeError();
  return undotted;
}
