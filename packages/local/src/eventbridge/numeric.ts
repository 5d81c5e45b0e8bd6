import { InvalidEventPatternError } from './invalid-event-pattern-error';

/** A closed, open or half-open interval over JSON numbers; a missing bound is unbounded. */
export interface NumericRange {
  readonly lower?: number;
  readonly lowerInclusive: boolean;
  readonly upper?: number;
  readonly upperInclusive: boolean;
}

const LOWER_OPERATORS = new Set(['>', '>=']);
const UPPER_OPERATORS = new Set(['<', '<=']);
const ALL_OPERATORS = new Set(['=', ...LOWER_OPERATORS, ...UPPER_OPERATORS]);

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(value: unknown): string {
  return value === undefined ? ']' : String(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Parses the operand list of a `numeric` condition.
 * EventBridge accepts exactly these shapes: `["=", n]`, `["<" | "<=", n]`, `[">" | ">=", n]` and
 * `[">" | ">=", low, "<" | "<=", high]` with `low < high`; anything else is rejected.
 */
export function parseNumericRange(operands: readonly unknown[], location: string): NumericRange {
  const fail = (reason: string): never => {
    throw new InvalidEventPatternError(reason, location);
  };
  const [operator, value] = operands;
  if (typeof operator !== 'string') return fail(`Invalid member in numeric match: ${describe(operator)}`);
  if (!ALL_OPERATORS.has(operator)) return fail(`Unrecognized numeric range operator: ${operator}`);
  if (!isNumber(value)) return fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);

  if (operator === '=') {
    if (operands.length > 2) fail('Too many elements in numeric expression');
    return { lower: value, lowerInclusive: true, upper: value, upperInclusive: true };
  }
  if (UPPER_OPERATORS.has(operator)) {
    if (operands.length > 2) fail('Too many elements in numeric expression');
    return { upper: value, upperInclusive: operator === '<=', lowerInclusive: false };
  }
  const lower = { lower: value, lowerInclusive: operator === '>=' };
  if (operands.length === 2) return { ...lower, upperInclusive: false };

  const [, , upperOperator, upperValue] = operands;
  if (typeof upperOperator !== 'string')
    return fail(`Bad value in numeric range: ${describe(upperOperator)}`);
  if (!UPPER_OPERATORS.has(upperOperator)) return fail(`Bad numeric range operator: ${upperOperator}`);
  if (!isNumber(upperValue)) return fail(`Value of ${upperOperator} must be numeric`);
  if (operands.length > 4) fail('Too many terms in numeric range expression');
  if (upperValue <= value) fail('Bottom must be less than top');
  return { ...lower, upper: upperValue, upperInclusive: upperOperator === '<=' };
}

/** True when `value` lies inside `range`. Numbers compare by value, so 300, 300.0 and 3e2 are the same. */
export function isInRange(range: NumericRange, value: number): boolean {
  if (range.lower !== undefined) {
    if (range.lowerInclusive ? value < range.lower : value <= range.lower) return false;
  }
  if (range.upper !== undefined) {
    if (range.upperInclusive ? value > range.upper : value >= range.upper) return false;
  }
  return true;
}
