import { DomainError } from '@carelink/contracts';

// Every failure the care-planning domain raises on purpose names its problem type. `code` is stable
// so callers branch on it, and messages name fields and codes, never values (no PHI).

/** A lifecycle transition that the case's current state does not allow. */
export class InvalidTransitionError extends DomainError {
  override readonly name = 'InvalidTransitionError';
  readonly code = 'invalid-transition';
  readonly problemType = 'conflict';

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
  readonly problemType = 'conflict';

  constructor(readonly refusal: CareTeamChangeRefusal) {
    super(`Care team change refused: ${refusal}`);
  }
}

/** The care plan lacks elements CMS requires; `missing` lists each one. */
export class CarePlanIncompleteError extends DomainError {
  override readonly name = 'CarePlanIncompleteError';
  readonly code = 'care-plan-incomplete';
  readonly problemType = 'validation-failed';

  constructor(readonly missing: readonly string[]) {
    super('The care plan is missing required elements', {
      fields: missing.map((element) => ({ path: element, code: 'missing-element' })),
    });
  }
}

/** The actor may not make these changes; `refusedFields` lists each refused field path. */
export class ForbiddenChangeError extends DomainError {
  override readonly name = 'ForbiddenChangeError';
  readonly code = 'forbidden-change';
  readonly problemType = 'forbidden';

  constructor(readonly refusedFields: readonly string[]) {
    super(
      refusedFields.length > 0
        ? 'You may not change these fields of the care plan'
        : 'Only the care team may change this care plan',
      { fields: refusedFields.map((path) => ({ path, code: 'not-owner' })) },
    );
  }
}

/** The change was based on a version that is no longer current. */
export class VersionConflictError extends DomainError {
  override readonly name = 'VersionConflictError';
  readonly code = 'version-conflict';
  readonly problemType = 'precondition-failed';

  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super('The resource has a newer version; read it again and retry');
  }
}

/** An assessment cannot be completed while sections are missing. */
export class AssessmentIncompleteError extends DomainError {
  override readonly name = 'AssessmentIncompleteError';
  readonly code = 'assessment-incomplete';
  readonly problemType = 'validation-failed';

  constructor(readonly missing: readonly string[]) {
    super('The assessment is missing sections', {
      fields: missing.map((section) => ({ path: `sections.${section}`, code: 'missing-section' })),
    });
  }
}

/**
 * Stored data breaks an invariant this domain guarantees, e.g. a case with no active primary. A bug,
 * not an expected failure: it answers 500 and says nothing more.
 */
export class InvariantViolationError extends Error {
  override readonly name = 'InvariantViolationError';
  readonly code = 'invariant-violation';

  constructor(readonly invariant: string) {
    super(`Invariant violated: ${invariant}`);
  }
}

export { InvalidInputError } from '@carelink/contracts';

/** A review task was asked to complete after it was done. */
export class TaskAlreadyDoneError extends DomainError {
  override readonly name = 'TaskAlreadyDoneError';
  readonly code = 'TASK_ALREADY_DONE';
  readonly problemType = 'conflict';

  constructor(readonly taskKey: string) {
    super('The task is already done');
  }
}
