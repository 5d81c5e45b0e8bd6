import { DomainError } from '@carelink/contracts';

/** Input failed a schema; only field paths are reported, never the offending values. */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly code = 'INVALID_INPUT';
  readonly problemType = 'validation-failed';
  constructor(
    readonly subject: string,
    readonly paths: readonly string[],
  ) {
    super(`Invalid ${subject}: ${paths.join(', ') || '(root)'}`, {
      fields: paths.map((path) => ({ path, code: 'invalid' })),
    });
  }
}
