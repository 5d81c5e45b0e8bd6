import { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import { logScopeKeys } from './log-scope';
import { redactingReplacer } from './redact';

type Message = Parameters<Logger['info']>[0];
type Extra = Parameters<Logger['info']> extends [unknown, ...infer Rest] ? Rest : never;

/** The caller's extra attributes with the current scope's keys in front. */
function scoped(extra: Extra): Extra {
  const keys = logScopeKeys() as LogAttributes | undefined;
  if (!keys) return extra;
  const [first] = extra;
  if (first instanceof Error) return [keys, { error: first }];
  if (typeof first === 'string') return [keys, { extra: first }];
  return [keys, ...(extra as LogAttributes[])];
}

/** Each line carries the keys of the scope it was logged in (see `withLogScope`). */
class ScopedLogger extends Logger {
  override debug(input: Message, ...extra: Extra): void {
    super.debug(input, ...scoped(extra));
  }
  override info(input: Message, ...extra: Extra): void {
    super.info(input, ...scoped(extra));
  }
  override warn(input: Message, ...extra: Extra): void {
    super.warn(input, ...scoped(extra));
  }
  override error(input: Message, ...extra: Extra): void {
    super.error(input, ...scoped(extra));
  }
}

/**
 * The one way Carelink functions log: Powertools Logger (structured JSON, correlation id) with PHI
 * redaction applied to every record and per-invocation keys from the log scope. Handlers log
 * identifiers, never payloads, and event logging stays off.
 */
export function createLogger(serviceName: string): Logger {
  return new ScopedLogger({
    serviceName,
    jsonReplacerFn: redactingReplacer,
  });
}
export type { Logger };
