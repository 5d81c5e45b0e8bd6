import type * as z from 'zod';
import { InvalidInputError } from './errors';

/**
 * Parses `input` with `schema`, turning failures into an `InvalidInputError` that lists field paths
 * and zod issue codes only: zod messages can echo input, and input here may be PHI.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    subject,
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), reason: issue.code })),
  );
}
