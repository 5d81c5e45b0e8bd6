/**
 * Base class of every eligibility domain error. `code` is stable and machine-readable so callers
 * can map errors without parsing messages; messages never carry patient data.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** Input failed a schema; only field paths are reported, never the offending values. */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly subject: string,
    readonly paths: readonly string[],
  ) {
    super(`Invalid ${subject}: ${paths.join(', ') || '(root)'}`);
  }
}
