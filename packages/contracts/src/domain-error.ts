import type { ProblemType } from './problem';

/** One failing field: its path and a machine code, never the submitted value. */
export interface FieldIssue {
  path: string;
  code: string;
  message?: string;
}

interface DomainErrorOptions {
  cause?: unknown;
  fields?: readonly FieldIssue[];
  /** Location of the resource a conflict points at (shown on a 409). */
  existing?: string;
}

/**
 * The one base of every expected failure in every service. It is pure, so domains may throw it; the
 * HTTP layer answers with the problem type the subclass names, and the message becomes the problem's
 * `detail`: it names fields, codes and identifiers, never personal data.
 *
 * @example
 * class CaseClosedError extends DomainError {
 *   override readonly name = 'CaseClosedError';
 *   readonly code = 'case-closed';
 *   readonly problemType = 'conflict';
 * }
 */
export abstract class DomainError extends Error {
  /** Stable and machine-readable: callers and tests branch on it, never on the message. */
  abstract readonly code: string;
  /** The problem+json type this failure answers with. */
  abstract readonly problemType: ProblemType;
  readonly fields: readonly FieldIssue[];
  readonly existing: string | undefined;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fields = options.fields ?? [];
    this.existing = options.existing;
  }
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'not-found';
  readonly problemType = 'not-found';
  constructor(resource: string) {
    super(`${resource} not found`);
  }
}

export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly code = 'forbidden';
  readonly problemType = 'forbidden';
  constructor(detail: string, fields: readonly FieldIssue[] = []) {
    super(detail, { fields });
  }
}

export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly code = 'conflict';
  readonly problemType = 'conflict';
  constructor(detail: string, existing?: string) {
    super(detail, existing === undefined ? {} : { existing });
  }
}

export class PreconditionFailedError extends DomainError {
  override readonly name = 'PreconditionFailedError';
  readonly code = 'precondition-failed';
  readonly problemType = 'precondition-failed';
  constructor(detail = 'The resource has a newer version; read it again and retry') {
    super(detail);
  }
}

export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code = 'validation-failed';
  readonly problemType = 'validation-failed';
  constructor(detail: string, fields: readonly FieldIssue[] = []) {
    super(detail, { fields });
  }
}

export class UnavailableError extends DomainError {
  override readonly name = 'UnavailableError';
  readonly code = 'unavailable';
  readonly problemType = 'unavailable';
  constructor(detail: string, cause?: unknown) {
    super(detail, { cause });
  }
}
