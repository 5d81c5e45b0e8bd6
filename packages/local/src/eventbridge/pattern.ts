import { compileTree } from './compile';
import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { isRecord } from './json';
import { parsePattern } from './parse';

export { InvalidEventPatternError };

/**
 * Throws {@link InvalidEventPatternError} wherever EventBridge `PutRule` / `TestEventPattern` would
 * reject `pattern` (JSON text or a parsed object); returns normally otherwise.
 */
export function validatePattern(pattern: string | object): void {
  parsePattern(pattern);
}

/**
 * Validates and compiles `pattern` once, returning a predicate that evaluates events with EventBridge
 * semantics. Events that are not JSON objects never match.
 */
export function compilePattern(pattern: string | object): (event: object) => boolean {
  const matches = compileTree(parsePattern(pattern));
  return (event) => isRecord(event) && matches(event);
}

function parseEvent(event: string | object): object {
  if (typeof event !== 'string') return event;
  let parsed: unknown;
  try {
    parsed = JSON.parse(event);
  } catch (error) {
    throw new TypeError(`Event is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new TypeError('Event is not a JSON object');
  return parsed;
}

/**
 * True when `event` matches `pattern`, as `TestEventPattern` would answer. Both may be JSON text.
 * Throws {@link InvalidEventPatternError} for an invalid pattern and `TypeError` for event text that is
 * not a JSON object. To evaluate many events against one rule, use {@link compilePattern}.
 */
export function matchesPattern(pattern: string | object, event: string | object): boolean {
  return compilePattern(pattern)(parseEvent(event));
}
