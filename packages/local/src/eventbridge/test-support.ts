import { expect, it } from 'vitest';
import { compilePattern, matchesPattern } from './pattern';

/** One row of a table-driven matching test. Pattern and event may be JSON text to exercise number spellings. */
export interface MatchCase {
  readonly name: string;
  readonly pattern: string | object;
  readonly event: string | object;
  readonly expected: boolean;
}

function asObject(value: string | object): object {
  return typeof value === 'string' ? (JSON.parse(value) as object) : value;
}

/**
 * Runs every case through `matchesPattern` (as given) and through `compilePattern` on parsed objects,
 * so both entry points are held to the same expectation.
 */
export function itMatchesCases(cases: readonly MatchCase[]): void {
  it.each(cases)('$name', ({ pattern, event, expected }) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
    expect(compilePattern(asObject(pattern))(asObject(event))).toBe(expected);
  });
}
