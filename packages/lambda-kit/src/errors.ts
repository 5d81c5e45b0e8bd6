import type { ProblemType } from '@carelink/contracts';

/**
 * Base of every expected failure. Its `problemType` decides the HTTP answer; its `detail` is shown to
 * the caller, so it must be written without personal data.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly problemType: ProblemType,
    readonly detail: string,
    options: { cause?: unknown; fields?: readonly FieldIssue[]; existing?: string } = {},
  ) {
    super(detail, { cause: options.cause });
    this.fields = options.fields ?? [];
    this.existing = options.existing;
  }
  readonly fields: readonly FieldIssue[];
  readonly existing: string | undefined;
}

/** A failing field path and a machine code; never the submitted value. */
export interface FieldIssue {
  path: string;
  code: string;
  message?: string;
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(resource: string) {
    super('not-found', `${resource} not found`);
  }
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  constructor(detail: string) {
    super('forbidden', detail);
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(detail: string, existing?: string) {
    super('conflict', detail, existing === undefined ? {} : { existing });
  }
}

export class PreconditionFailedError extends DomainError {
  override name = 'PreconditionFailedError';
  constructor(detail = 'The resource has a newer version; read it again and retry') {
    super('precondition-failed', detail);
  }
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(detail: string, fields: readonly FieldIssue[] = []) {
    super('validation-failed', detail, { fields });
  }
}

export class UnavailableError extends DomainError {
  override name = 'UnavailableError';
  constructor(detail: string, cause?: unknown) {
    super('unavailable', detail, { cause });
  }
}
