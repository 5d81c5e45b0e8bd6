import type * as z from 'zod/mini';
import { DomainError, type FieldIssue } from './domain-error';

/**
 * Input failed its schema. It names the fields and rule codes that failed, never the submitted
 * values: input here may be PHI, and zod's own messages can echo it.
 */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  readonly code = 'invalid-input';
  readonly problemType = 'validation-failed';

  constructor(
    readonly subject: string,
    fields: readonly FieldIssue[],
    options: { cause?: unknown } = {},
  ) {
    super(`Invalid ${subject}: ${fields.map((field) => `${field.path}: ${field.code}`).join('; ')}`, {
      ...options,
      fields,
    });
  }
}

/** The failing fields of a zod error, by path and issue code. */
export const fieldIssuesOf = (error: z.core.$ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    code: issue.code,
  }));

/** Parses `input` or throws an {@link InvalidInputError} naming the failing fields of `subject`. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  subject: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(subject, fieldIssuesOf(result.error), { cause: result.error });
}
