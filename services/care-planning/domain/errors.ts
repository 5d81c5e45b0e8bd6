/**
 * Base class for every error the care-planning domain raises on purpose.
 * `code` is stable so callers can map errors to responses without parsing messages,
 * and messages never carry PHI: they name fields and codes, never values.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input failed its schema; lists only the paths and issue codes, never the rejected values. */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly code = 'invalid-input';

  constructor(
    readonly subject: string,
    readonly issues: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid ${subject}: ${issues.join('; ')}`, options);
  }
}

/** A lifecycle transition that the case's current state does not allow. */
export class InvalidTransitionError extends DomainError {
  override readonly name = 'InvalidTransitionError';
  readonly code = 'invalid-transition';

  constructor(
    readonly from: string,
    readonly attempted: string,
  ) {
    super(`Cannot ${attempted} a case that is ${from}`);
  }
}

/** Why a care team change was refused. */
export type CareTeamChangeRefusal =
  | 'case-closed'
  | 'already-primary'
  | 'staff-is-secondary'
  | 'staff-is-primary'
  | 'already-assigned-to-service'
  | 'not-assigned-to-service';

/** A care team change that would break the team's rules. */
export class CareTeamChangeError extends DomainError {
  override readonly name = 'CareTeamChangeError';
  readonly code = 'care-team-change-refused';

  constructor(readonly refusal: CareTeamChangeRefusal) {
    super(`Care team change refused: ${refusal}`);
  }
}

/** The care plan lacks elements CMS requires; `missing` lists each one. */
export class CarePlanIncompleteError extends DomainError {
  override readonly name = 'CarePlanIncompleteError';
  readonly code = 'care-plan-incomplete';

  constructor(readonly missing: readonly string[]) {
    super(`Care plan is missing required elements: ${missing.join(', ')}`);
  }
}

/** The actor may not make these changes; `fields` lists each refused field path. */
export class ForbiddenChangeError extends DomainError {
  override readonly name = 'ForbiddenChangeError';
  readonly code = 'forbidden-change';

  constructor(readonly fields: readonly string[]) {
    super(
      fields.length > 0
        ? `Not allowed to change: ${fields.join(', ')}`
        : 'Not allowed to change this care plan',
    );
  }
}

/** The change was based on a version that is no longer current. */
export class VersionConflictError extends DomainError {
  override readonly name = 'VersionConflictError';
  readonly code = 'version-conflict';

  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Expected version ${expectedVersion} but the current version is ${currentVersion}`);
  }
}

/** An assessment cannot be completed while sections are missing. */
export class AssessmentIncompleteError extends DomainError {
  override readonly name = 'AssessmentIncompleteError';
  readonly code = 'assessment-incomplete';

  constructor(readonly missing: readonly string[]) {
    super(`Assessment is missing sections: ${missing.join(', ')}`);
  }
}

/** Stored data breaks an invariant this domain guarantees, e.g. a case with no active primary. */
export class InvariantViolationError extends DomainError {
  override readonly name = 'InvariantViolationError';
  readonly code = 'invariant-violation';

  constructor(readonly invariant: string) {
    super(`Invariant violated: ${invariant}`);
  }
}
