import { emptyObjectNode, type FieldNode, type ObjectNode } from './ast';
import { InvalidEventPatternError } from './invalid-event-pattern-error';
import { isPlainRecord, type JsonRecord } from './json';
import { OPERATORS, parseCondition } from './match-expression';

/** The `PutRule` API limit on the `EventPattern` parameter, in characters. */
export const MAX_PATTERN_LENGTH = 4096;

const OR_KEY = '$or';

/** Field names EventBridge refuses inside `$or` branches, so that a branch cannot be mistaken for a match expression. */
const RESERVED_IN_OR = new Set<string>([
  ...OPERATORS,
  'exactly',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

function join(location: string, key: string): string {
  return location ? `${location}.${key}` : key;
}

function fieldAt(node: ObjectNode, segment: string): FieldNode {
  let field = node.fields.get(segment);
  if (!field) {
    field = { children: emptyObjectNode() };
    node.fields.set(segment, field);
  }
  return field;
}

/**
 * EventBridge joins nested keys with dots, so `"a.b": [...]` and `"a": { "b": [...] }` name the same
 * path. Splitting dotted keys here lets both spellings meet in one tree.
 */
function fieldForKey(node: ObjectNode, key: string): FieldNode {
  const segments = key.split('.');
  let current = node;
  for (const segment of segments.slice(0, -1)) current = fieldAt(current, segment).children;
  return fieldAt(current, segments[segments.length - 1] ?? key);
}

function parseOr(value: unknown, location: string): ObjectNode[] {
  if (!Array.isArray(value))
    throw new InvalidEventPatternError(`It must be an Array followed with ${OR_KEY}.`, location);
  const branches = value.map((branch, i) => {
    const branchLocation = `${location}[${i}]`;
    if (!isPlainRecord(branch)) {
      throw new InvalidEventPatternError(
        `Only JSON object is allowed in array of ${OR_KEY} relationship.`,
        branchLocation,
      );
    }
    const node = emptyObjectNode();
    parseObject(branch, node, branchLocation, true);
    return node;
  });
  if (branches.length < 2) {
    throw new InvalidEventPatternError(
      `There must have at least 2 Objects in ${OR_KEY} relationship.`,
      location,
    );
  }
  return branches;
}

function parseObject(source: JsonRecord, node: ObjectNode, location: string, insideOr: boolean): void {
  const entries = Object.entries(source);
  if (entries.length === 0) throw new InvalidEventPatternError('Empty objects are not allowed', location);
  for (const [key, value] of entries) {
    const keyLocation = join(location, key);
    if (key === OR_KEY) {
      node.anyOf.push(parseOr(value, keyLocation));
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new InvalidEventPatternError(
        `${key} is Ruler reserved fieldName which cannot be used inside ${OR_KEY}.`,
        keyLocation,
      );
    }
    if (isPlainRecord(value)) {
      parseObject(value, fieldForKey(node, key).children, keyLocation, insideOr);
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw new InvalidEventPatternError('Empty arrays are not allowed', keyLocation);
      // A repeated path replaces the earlier one, as a repeated JSON key does.
      fieldForKey(node, key).conditions = value.map((element, i) =>
        parseCondition(element, `${keyLocation}[${i}]`),
      );
    } else {
      throw new InvalidEventPatternError(`"${key}" must be an object or an array`, keyLocation);
    }
  }
}

function toRecord(pattern: string | object): { record: JsonRecord; length: number } {
  if (typeof pattern === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(pattern);
    } catch (error) {
      throw new InvalidEventPatternError(`Filter is not valid JSON: ${(error as Error).message}`);
    }
    if (!isPlainRecord(parsed)) throw new InvalidEventPatternError('Filter is not an object');
    return { record: parsed, length: pattern.length };
  }
  if (!isPlainRecord(pattern)) throw new InvalidEventPatternError('Filter is not an object');
  try {
    return { record: pattern, length: JSON.stringify(pattern).length };
  } catch (error) {
    throw new InvalidEventPatternError(`Filter is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Validates an event pattern (JSON text or an already parsed object) and returns its tree.
 * Throws {@link InvalidEventPatternError} wherever EventBridge would reject the pattern.
 */
export function parsePattern(pattern: string | object): ObjectNode {
  const { record, length } = toRecord(pattern);
  if (length > MAX_PATTERN_LENGTH) {
    throw new InvalidEventPatternError(`Event pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  }
  const root = emptyObjectNode();
  parseObject(record, root, '', false);
  return root;
}
