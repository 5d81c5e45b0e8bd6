import { InvalidEventPatternError } from './invalid-event-pattern-error';

/**
 * A parsed wildcard: the literal runs between unescaped `*` characters.
 * `"a*b*c"` becomes `["a", "b", "c"]`; a pattern without wildcards has a single part.
 */
export interface WildcardPattern {
  readonly parts: readonly string[];
}

/**
 * EventBridge rejects wildcard patterns whose matching would be too expensive. Its exact complexity
 * measure is internal; a pattern with six wildcards is known to be rejected, so more than five is refused here.
 */
export const MAX_WILDCARDS = 5;

const TOO_COMPLEX =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

/**
 * Parses a wildcard pattern. `*` matches any run of characters (including none), `\*` is a literal
 * asterisk and `\\` a literal backslash; any other escape, a trailing backslash or `**` is invalid.
 */
export function parseWildcard(source: string, location: string): WildcardPattern {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '*') {
      if (source[i + 1] === '*')
        throw new InvalidEventPatternError(`Consecutive wildcard characters at pos ${i + 1}`, location);
      parts.push(current);
      current = '';
    } else if (char === '\\') {
      const next = source[i + 1];
      if (next !== '*' && next !== '\\')
        throw new InvalidEventPatternError(`Invalid escape character at pos ${i + 1}`, location);
      current += next;
      i++;
    } else {
      current += char;
    }
  }
  parts.push(current);
  if (parts.length - 1 > MAX_WILDCARDS) throw new InvalidEventPatternError(TOO_COMPLEX, location);
  return { parts };
}

/** True when the whole of `value` matches the wildcard pattern. */
export function matchesWildcard(pattern: WildcardPattern, value: string): boolean {
  const { parts } = pattern;
  const first = parts[0] ?? '';
  if (parts.length === 1) return value === first;
  const last = parts[parts.length - 1] ?? '';
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  // With `*` as the only metacharacter, taking each middle part at its leftmost position is optimal.
  const end = value.length - last.length;
  let position = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    const found = value.indexOf(part, position);
    if (found < 0 || found + part.length > end) return false;
    position = found + part.length;
  }
  return true;
}
