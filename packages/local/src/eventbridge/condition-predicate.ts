import type { Condition, Exclusion } from './ast';
import { cidrContains } from './cidr';
import { parseIpAddress, sameIpAddress } from './ip-address';
import type { Leaf } from './json';
import { isInRange } from './numeric';
import { matchesWildcard } from './wildcard';

/** Tests one event leaf value. */
export type LeafPredicate = (value: Leaf) => boolean;

function foldCase(text: string): string {
  return text.toLowerCase();
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a === b || foldCase(a) === foldCase(b) || a.toUpperCase() === b.toUpperCase();
}

function exactPredicate(expected: Leaf): LeafPredicate {
  if (typeof expected !== 'string') return (value) => value === expected;
  // EventBridge compares IP address literals by address, so "2001:db8::1" equals "2001:DB8:0:0:0:0:0:1".
  const address = parseIpAddress(expected);
  if (!address) return (value) => value === expected;
  return (value) => {
    if (typeof value !== 'string') return false;
    if (value === expected) return true;
    const other = parseIpAddress(value);
    return other !== undefined && sameIpAddress(address, other);
  };
}

function affixPredicate(kind: 'prefix' | 'suffix', affix: string, ignoreCase: boolean): LeafPredicate {
  const wanted = ignoreCase ? foldCase(affix) : affix;
  const fold = ignoreCase ? foldCase : (text: string) => text;
  return kind === 'prefix'
    ? (value) => typeof value === 'string' && fold(value).startsWith(wanted)
    : (value) => typeof value === 'string' && fold(value).endsWith(wanted);
}

/** True when `value` is one of the excluded values; only then does `anything-but` fail. */
function exclusionPredicate(exclusion: Exclusion): LeafPredicate {
  switch (exclusion.kind) {
    case 'values': {
      const { strings, numbers } = exclusion;
      return (value) =>
        (typeof value === 'string' && strings.has(value)) ||
        (typeof value === 'number' && numbers.has(value));
    }
    case 'prefix':
      return (value) =>
        typeof value === 'string' && exclusion.values.some((prefix) => value.startsWith(prefix));
    case 'suffix':
      return (value) =>
        typeof value === 'string' && exclusion.values.some((suffix) => value.endsWith(suffix));
    case 'equals-ignore-case':
      return (value) =>
        typeof value === 'string' && exclusion.values.some((item) => sameIgnoringCase(item, value));
    case 'wildcard':
      return (value) =>
        typeof value === 'string' && exclusion.values.some((pattern) => matchesWildcard(pattern, value));
  }
}

/**
 * Compiles a value condition into a predicate over one leaf. `exists` is not a value condition: it
 * depends on whether leaves are present at all, so the field matcher handles it.
 */
export function compileCondition(condition: Exclude<Condition, { kind: 'exists' }>): LeafPredicate {
  switch (condition.kind) {
    case 'exact':
      return exactPredicate(condition.value);
    case 'prefix':
    case 'suffix':
      return affixPredicate(condition.kind, condition.value, condition.ignoreCase);
    case 'equals-ignore-case':
      return (value) => typeof value === 'string' && sameIgnoringCase(condition.value, value);
    case 'wildcard':
      return (value) => typeof value === 'string' && matchesWildcard(condition.pattern, value);
    case 'numeric':
      return (value) => typeof value === 'number' && isInRange(condition.range, value);
    case 'cidr':
      return (value) => {
        if (typeof value !== 'string') return false;
        const address = parseIpAddress(value);
        return address !== undefined && cidrContains(condition.block, address);
      };
    case 'anything-but': {
      // Null, booleans and values of the other type are never excluded, so they match.
      const excluded = exclusionPredicate(condition.exclusion);
      return (value) => !excluded(value);
    }
  }
}
