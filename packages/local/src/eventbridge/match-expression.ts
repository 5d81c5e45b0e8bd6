import type { Condition, Exclusion } from './ast';
import { parseCidr } from './cidr';
import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { isLeaf, isPlainRecord, type JsonRecord } from './json';
import { parseNumericRange } from './numeric';
import { parseWildcard } from './wildcard';

/** Operator names EventBridge understands inside a match expression. */
export const OPERATORS = [
  'anything-but',
  'cidr',
  'equals-ignore-case',
  'exists',
  'numeric',
  'prefix',
  'suffix',
  'wildcard',
] as const;

type Fail = (reason: string) => never;

function failer(location: string): Fail {
  return (reason) => {
    throw new InvalidEventPatternError(reason, location);
  };
}

function singleEntry(expression: JsonRecord, missing: string, fail: Fail): [string, unknown] {
  const entries = Object.entries(expression);
  const [first] = entries;
  if (!first) return fail(missing);
  if (entries.length > 1) return fail('Only one key allowed in match expression');
  return first;
}

/** `{ "prefix": "x" }` or `{ "prefix": { "equals-ignore-case": "x" } }`, and the same for suffix. */
function parseAffix(kind: 'prefix' | 'suffix', operand: unknown, fail: Fail): Condition {
  if (typeof operand === 'string') return { kind, value: operand, ignoreCase: false };
  if (!isPlainRecord(operand)) return fail(`${kind} match pattern must be a string`);
  const title = kind === 'prefix' ? 'Prefix' : 'Suffix';
  const [inner, value] = singleEntry(operand, `${title} expression name not found`, fail);
  if (inner !== 'equals-ignore-case') return fail(`Unsupported ${kind} pattern: ${inner}`);
  if (typeof value !== 'string') return fail('equals-ignore-case match pattern must be a string');
  return { kind, value, ignoreCase: true };
}

function parseValueExclusion(operand: unknown, fail: Fail): Exclusion {
  const values = Array.isArray(operand) ? operand : [operand];
  const strings = new Set<string>();
  const numbers = new Set<number>();
  for (const value of values) {
    if (typeof value === 'string') strings.add(value);
    else if (typeof value === 'number' && Number.isFinite(value)) numbers.add(value);
    else if (Array.isArray(operand)) fail('Inside anything but list, start|null|boolean is not supported.');
    else fail('Value of anything-but must be an array or single string/number value.');
  }
  if (strings.size > 0 === numbers.size > 0) {
    fail('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  return { kind: 'values', strings, numbers };
}

function parseSetExclusion(operand: JsonRecord, location: string, fail: Fail): Exclusion {
  const [kind, value] = singleEntry(operand, 'Anything-But expression name not found', fail);
  if (kind !== 'prefix' && kind !== 'suffix' && kind !== 'equals-ignore-case' && kind !== 'wildcard') {
    return fail(`Unsupported anything-but pattern: ${kind}`);
  }
  if (typeof value !== 'string' && !Array.isArray(value)) {
    return fail('Value of anything-but must be an array or single string/number value.');
  }
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const strings = values.map((item) => {
    if (typeof item === 'string') return item;
    if (kind === 'equals-ignore-case') {
      return fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    }
    return fail(
      kind === 'wildcard'
        ? 'wildcard match pattern must be a string'
        : 'prefix/suffix match pattern must be a string',
    );
  });
  if ((kind === 'prefix' || kind === 'suffix') && strings.includes(''))
    fail('Null prefix/suffix not allowed');
  if (kind === 'wildcard') return { kind, values: strings.map((item) => parseWildcard(item, location)) };
  return { kind, values: strings };
}

function parseAnythingBut(operand: unknown, location: string, fail: Fail): Condition {
  const exclusion = isPlainRecord(operand)
    ? parseSetExclusion(operand, location, fail)
    : parseValueExclusion(operand, fail);
  return { kind: 'anything-but', exclusion };
}

function parseOperator(operator: string, operand: unknown, location: string, fail: Fail): Condition {
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return parseAffix(operator, operand, fail);
    case 'equals-ignore-case':
      if (typeof operand !== 'string') return fail('equals-ignore-case match pattern must be a string');
      return { kind: 'equals-ignore-case', value: operand };
    case 'wildcard':
      if (typeof operand !== 'string') return fail('wildcard match pattern must be a string');
      return { kind: 'wildcard', pattern: parseWildcard(operand, location) };
    case 'numeric':
      if (!Array.isArray(operand)) return fail('Value of numeric must be an array.');
      return { kind: 'numeric', range: parseNumericRange(operand, location) };
    case 'cidr':
      // EventBridge reports a non-string CIDR with the prefix wording; kept for parity.
      if (typeof operand !== 'string') return fail('prefix match pattern must be a string');
      return { kind: 'cidr', block: parseCidr(operand, location) };
    case 'exists':
      if (typeof operand !== 'boolean') return fail('exists match pattern must be either true or false.');
      return { kind: 'exists', value: operand };
    case 'anything-but':
      return parseAnythingBut(operand, location, fail);
    default:
      return fail(`Unrecognized match type ${operator}`);
  }
}

/**
 * Parses one element of a pattern field's array: a JSON scalar is an exact value, an object is a
 * match expression with exactly one (case-sensitive) operator key.
 */
export function parseCondition(element: unknown, location: string): Condition {
  const fail = failer(location);
  if (isLeaf(element)) return { kind: 'exact', value: element };
  if (!isPlainRecord(element)) return fail('Match value must be String, number, true, false, or null');
  const [operator, operand] = singleEntry(element, 'Match expression name not found', fail);
  return parseOperator(operator, operand, location, fail);
}
