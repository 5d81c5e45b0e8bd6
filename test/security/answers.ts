import type { RawAnswer } from '../../packages/local/src/testing/api-client';

/** The body of an answer the set-up expects to succeed; anything else stops the suite, saying what failed. */
export function ok<T>(answer: RawAnswer, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return answer.body as T;
}
