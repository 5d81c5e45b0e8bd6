import type { FieldIssue, ProblemType } from '@carelink/contracts';

export {
  ConflictError,
  DomainError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  UnavailableError,
  ValidationError,
} from '@carelink/contracts';

/**
 * A failure of the HTTP exchange itself (malformed JSON, a wrong content type, a missing If-Match, a
 * reused Idempotency-Key): it never comes from a domain, so it is not a `DomainError`.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly fields: readonly FieldIssue[];
  constructor(
    readonly problemType: ProblemType,
    readonly detail: string,
    options: { fields?: readonly FieldIssue[] } = {},
  ) {
    super(detail);
    this.fields = options.fields ?? [];
  }
}
