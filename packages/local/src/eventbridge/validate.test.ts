import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH } from './parse';
import { InvalidEventPatternError, validatePattern } from './pattern';

interface InvalidCase {
  readonly name: string;
  readonly pattern: string | object;
  /** A fragment of the reason EventBridge gives. */
  readonly reason: string;
}

interface ValidCase {
  readonly name: string;
  readonly pattern: string | object;
}

const leaf = (condition: unknown): object => ({ detail: { field: [condition] } });

const structure: InvalidCase[] = [
  { name: 'a JSON string', pattern: '"text"', reason: 'Filter is not an object' },
  { name: 'a JSON array', pattern: '["a"]', reason: 'Filter is not an object' },
  { name: 'JSON null', pattern: 'null', reason: 'Filter is not an object' },
  { name: 'a JSON number', pattern: '42', reason: 'Filter is not an object' },
  { name: 'text that is not JSON', pattern: 'this is not json', reason: 'Filter is not valid JSON' },
  { name: 'single-quoted JSON', pattern: "{'bad': 'quotation'}", reason: 'Filter is not valid JSON' },
  { name: 'unterminated JSON', pattern: '{"not": closed mark"', reason: 'Filter is not valid JSON' },
  { name: 'an array object', pattern: ['a'], reason: 'Filter is not an object' },
  { name: 'a date object', pattern: new Date(0), reason: 'Filter is not an object' },
  { name: 'an empty pattern', pattern: {}, reason: 'Empty objects are not allowed' },
  { name: 'an empty nested object', pattern: { detail: {} }, reason: 'Empty objects are not allowed' },
  { name: 'an empty array of values', pattern: { resources: [] }, reason: 'Empty arrays are not allowed' },
  {
    name: 'a bare string value',
    pattern: { string: 'my-value' },
    reason: '"string" must be an object or an array',
  },
  { name: 'a bare number value', pattern: { int: 42 }, reason: '"int" must be an object or an array' },
  { name: 'a bare null value', pattern: { n: null }, reason: '"n" must be an object or an array' },
  { name: 'a bare boolean value', pattern: { b: true }, reason: '"b" must be an object or an array' },
  {
    name: 'a bare value deep inside',
    pattern: { detail: { state: 'running' } },
    reason: '"state" must be an object or an array',
  },
  { name: 'an undefined value', pattern: { a: undefined }, reason: 'must be an object or an array' },
  {
    name: 'a nested array value',
    pattern: { a: [['x']] },
    reason: 'Match value must be String, number, true, false, or null',
  },
  {
    name: 'a non-finite number',
    pattern: { a: [Number.POSITIVE_INFINITY] },
    reason: 'Match value must be String',
  },
  { name: 'NaN', pattern: { a: [Number.NaN] }, reason: 'Match value must be String' },
  { name: 'an empty match expression', pattern: leaf({}), reason: 'Match expression name not found' },
  {
    name: 'two operators in one expression',
    pattern: leaf({ prefix: 'a', suffix: 'b' }),
    reason: 'Only one key allowed in match expression',
  },
  {
    name: 'a pattern over the size limit',
    pattern: { a: ['x'.repeat(MAX_PATTERN_LENGTH)] },
    reason: 'longer than 4096',
  },
  {
    name: 'pattern text over the size limit',
    pattern: `{"a": ["x"]}${' '.repeat(MAX_PATTERN_LENGTH)}`,
    reason: 'longer than 4096',
  },
];

const operators: InvalidCase[] = [
  { name: 'an upper-case EXISTS', pattern: leaf({ EXISTS: true }), reason: 'Unrecognized match type EXISTS' },
  {
    name: 'an upper-case NUMERIC',
    pattern: leaf({ NUMERIC: ['=', 5] }),
    reason: 'Unrecognized match type NUMERIC',
  },
  { name: 'a capitalised Prefix', pattern: leaf({ Prefix: 'a' }), reason: 'Unrecognized match type Prefix' },
  { name: 'an unknown operator', pattern: leaf({ regex: '.*' }), reason: 'Unrecognized match type regex' },
  {
    name: 'an undocumented operator',
    pattern: leaf({ exactly: 'x' }),
    reason: 'Unrecognized match type exactly',
  },
];

const affixes: InvalidCase[] = [
  {
    name: 'a numeric prefix',
    pattern: leaf({ prefix: 123 }),
    reason: 'prefix match pattern must be a string',
  },
  {
    name: 'a list of prefixes',
    pattern: leaf({ prefix: ['2022-07-13'] }),
    reason: 'prefix match pattern must be a string',
  },
  { name: 'a null prefix', pattern: leaf({ prefix: null }), reason: 'prefix match pattern must be a string' },
  {
    name: 'a numeric ignore-case prefix',
    pattern: leaf({ prefix: { 'equals-ignore-case': 1 } }),
    reason: 'equals-ignore-case match pattern must be a string',
  },
  {
    name: 'an unknown prefix modifier',
    pattern: leaf({ prefix: { wildcard: 'a' } }),
    reason: 'Unsupported prefix pattern: wildcard',
  },
  {
    name: 'an empty prefix modifier',
    pattern: leaf({ prefix: {} }),
    reason: 'Prefix expression name not found',
  },
  {
    name: 'two prefix modifiers',
    pattern: leaf({ prefix: { 'equals-ignore-case': 'a', x: 'b' } }),
    reason: 'Only one key allowed',
  },
  {
    name: 'a numeric suffix',
    pattern: leaf({ suffix: 123 }),
    reason: 'suffix match pattern must be a string',
  },
  {
    name: 'a list of suffixes',
    pattern: leaf({ suffix: ['.png'] }),
    reason: 'suffix match pattern must be a string',
  },
  {
    name: 'an unknown suffix modifier',
    pattern: leaf({ suffix: { prefix: 'a' } }),
    reason: 'Unsupported suffix pattern: prefix',
  },
  {
    name: 'a list for equals-ignore-case',
    pattern: leaf({ 'equals-ignore-case': ['a'] }),
    reason: 'equals-ignore-case match pattern must be a string',
  },
  {
    name: 'a prefix inside equals-ignore-case',
    pattern: leaf({ 'equals-ignore-case': { prefix: 'ec2' } }),
    reason: 'equals-ignore-case match pattern must be a string',
  },
  {
    name: 'a number for equals-ignore-case',
    pattern: leaf({ 'equals-ignore-case': 5 }),
    reason: 'equals-ignore-case match pattern must be a string',
  },
];

const wildcards: InvalidCase[] = [
  {
    name: 'a numeric wildcard',
    pattern: leaf({ wildcard: 123 }),
    reason: 'wildcard match pattern must be a string',
  },
  {
    name: 'a list of wildcards',
    pattern: leaf({ wildcard: ['a*'] }),
    reason: 'wildcard match pattern must be a string',
  },
  {
    name: 'consecutive wildcards',
    pattern: leaf({ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }),
    reason: 'Consecutive wildcard characters at pos 26',
  },
  {
    name: 'a lone double wildcard',
    pattern: leaf({ wildcard: '**' }),
    reason: 'Consecutive wildcard characters',
  },
  {
    name: 'an escaped backslash before a double wildcard',
    pattern: leaf({ wildcard: 'a\\\\**' }),
    reason: 'Consecutive wildcard characters',
  },
  {
    name: 'an unknown escape',
    pattern: leaf({ wildcard: 'a\\b' }),
    reason: 'Invalid escape character at pos 2',
  },
  { name: 'a trailing backslash', pattern: leaf({ wildcard: 'a\\' }), reason: 'Invalid escape character' },
  {
    name: 'six wildcards',
    pattern: leaf({ wildcard: '*:*:*:*:*:event-bus/*' }),
    reason: 'Rule is too complex',
  },
];

const numerics: InvalidCase[] = [
  { name: 'a bare number', pattern: leaf({ numeric: 10 }), reason: 'Value of numeric must be an array.' },
  { name: 'an empty list', pattern: leaf({ numeric: [] }), reason: 'Invalid member in numeric match: ]' },
  {
    name: 'a number first',
    pattern: leaf({ numeric: [5, '>'] }),
    reason: 'Invalid member in numeric match: 5',
  },
  {
    name: 'an unknown operator',
    pattern: leaf({ numeric: ['!=', 5] }),
    reason: 'Unrecognized numeric range operator: !=',
  },
  {
    name: 'a doubled equals',
    pattern: leaf({ numeric: ['==', 5] }),
    reason: 'Unrecognized numeric range operator: ==',
  },
  {
    name: 'an operator without a value',
    pattern: leaf({ numeric: ['>'] }),
    reason: 'Value of > must be numeric',
  },
  { name: 'a string value', pattern: leaf({ numeric: ['>', '5'] }), reason: 'Value of > must be numeric' },
  {
    name: 'a null value for equals',
    pattern: leaf({ numeric: ['=', null] }),
    reason: 'Value of equals must be numeric',
  },
  {
    name: 'a boolean value',
    pattern: leaf({ numeric: ['<=', true] }),
    reason: 'Value of <= must be numeric',
  },
  {
    name: 'two lower bounds',
    pattern: leaf({ numeric: ['>', 0, '>', 0] }),
    reason: 'Bad numeric range operator: >',
  },
  {
    name: 'an equals after a lower bound',
    pattern: leaf({ numeric: ['>', 0, '=', 5] }),
    reason: 'Bad numeric range operator: =',
  },
  {
    name: 'a dangling upper operator',
    pattern: leaf({ numeric: ['>', 0, '<'] }),
    reason: 'Value of < must be numeric',
  },
  {
    name: 'a string upper value',
    pattern: leaf({ numeric: ['>', 0, '<', '5'] }),
    reason: 'Value of < must be numeric',
  },
  {
    name: 'a number where the upper operator belongs',
    pattern: leaf({ numeric: ['>', 0, 5] }),
    reason: 'Bad value in numeric range: 5',
  },
  {
    name: 'terms after equals',
    pattern: leaf({ numeric: ['=', 5, '<', 10] }),
    reason: 'Too many elements in numeric expression',
  },
  {
    name: 'an upper bound first',
    pattern: leaf({ numeric: ['<', 5, '>', 1] }),
    reason: 'Too many elements in numeric expression',
  },
  {
    name: 'terms after an upper bound',
    pattern: leaf({ numeric: ['<=', 5, 6] }),
    reason: 'Too many elements in numeric expression',
  },
  {
    name: 'terms after a range',
    pattern: leaf({ numeric: ['>', 0, '<', 5, 'x'] }),
    reason: 'Too many terms in numeric range expression',
  },
  {
    name: 'an empty open range',
    pattern: leaf({ numeric: ['>', 5, '<', 5] }),
    reason: 'Bottom must be less than top',
  },
  {
    name: 'an empty closed range',
    pattern: leaf({ numeric: ['>=', 5, '<=', 5] }),
    reason: 'Bottom must be less than top',
  },
  {
    name: 'an inverted range',
    pattern: leaf({ numeric: ['>', 10, '<', 5] }),
    reason: 'Bottom must be less than top',
  },
];

const cidrs: InvalidCase[] = [
  { name: 'a word', pattern: leaf({ cidr: 'bad-filter' }), reason: "Malformed CIDR, one '/' required" },
  {
    name: 'a non-address before the mask',
    pattern: leaf({ cidr: 'xx.11.xx/8' }),
    reason: 'Nonstandard IP address: xx.11.xx',
  },
  {
    name: 'a mask that is not a number',
    pattern: leaf({ cidr: 'bad-/64filter' }),
    reason: 'Malformed CIDR, mask bits must be an integer',
  },
  { name: 'a list', pattern: leaf({ cidr: ['bad-type'] }), reason: 'prefix match pattern must be a string' },
  { name: 'a number', pattern: leaf({ cidr: 10 }), reason: 'prefix match pattern must be a string' },
  { name: 'an address without a mask', pattern: leaf({ cidr: '10.0.0.0' }), reason: "one '/' required" },
  { name: 'an empty mask', pattern: leaf({ cidr: '10.0.0.0/' }), reason: 'mask bits must be an integer' },
  { name: 'a negative mask', pattern: leaf({ cidr: '10.0.0.0/-1' }), reason: 'mask bits must be an integer' },
  { name: 'two masks', pattern: leaf({ cidr: '10.0.0.0/24/8' }), reason: "one '/' required" },
  { name: 'an IPv4 /32', pattern: leaf({ cidr: '10.0.0.1/32' }), reason: 'IPv4 mask bits must be < 32' },
  { name: 'an IPv4 /33', pattern: leaf({ cidr: '10.0.0.0/33' }), reason: 'IPv4 mask bits must be < 32' },
  {
    name: 'an IPv6 /128',
    pattern: leaf({ cidr: '2001:db8::1/128' }),
    reason: 'IPv6 mask bits must be < 128',
  },
  {
    name: 'an out-of-range octet',
    pattern: leaf({ cidr: '256.0.0.0/8' }),
    reason: 'Nonstandard IP address: 256.0.0.0',
  },
  {
    name: 'a bad IPv6 group',
    pattern: leaf({ cidr: 'xxxx:db8:1234:1a00::/64' }),
    reason: 'Nonstandard IP address: xxxx:db8:1234:1a00::',
  },
  {
    name: 'too many IPv6 groups',
    pattern: leaf({ cidr: '1:2:3:4:5:6:7:8:9/64' }),
    reason: 'Nonstandard IP address',
  },
];

const exists: InvalidCase[] = [
  {
    name: 'a string',
    pattern: leaf({ exists: 'true' }),
    reason: 'exists match pattern must be either true or false.',
  },
  {
    name: 'a number',
    pattern: leaf({ exists: 1 }),
    reason: 'exists match pattern must be either true or false.',
  },
  {
    name: 'null',
    pattern: leaf({ exists: null }),
    reason: 'exists match pattern must be either true or false.',
  },
  {
    name: 'a list',
    pattern: leaf({ exists: [true] }),
    reason: 'exists match pattern must be either true or false.',
  },
];

const anythingBut: InvalidCase[] = [
  {
    name: 'null',
    pattern: leaf({ 'anything-but': null }),
    reason: 'Value of anything-but must be an array or single string/number value.',
  },
  {
    name: 'a boolean',
    pattern: leaf({ 'anything-but': true }),
    reason: 'Value of anything-but must be an array or single string/number value.',
  },
  { name: 'an empty list', pattern: leaf({ 'anything-but': [] }), reason: 'mixed type is not supported' },
  {
    name: 'a mixed list',
    pattern: leaf({ 'anything-but': ['a', 1] }),
    reason: 'mixed type is not supported',
  },
  {
    name: 'null in a list',
    pattern: leaf({ 'anything-but': ['stopped', null] }),
    reason: 'Inside anything but list, start|null|boolean is not supported.',
  },
  {
    name: 'a boolean in a list',
    pattern: leaf({ 'anything-but': [true] }),
    reason: 'start|null|boolean is not supported',
  },
  {
    name: 'a nested list',
    pattern: leaf({ 'anything-but': [['a']] }),
    reason: 'start|null|boolean is not supported',
  },
  {
    name: 'an expression in a list',
    pattern: leaf({ 'anything-but': [{ prefix: 'a' }] }),
    reason: 'start|null|boolean is not supported',
  },
  {
    name: 'an empty prefix',
    pattern: leaf({ 'anything-but': { prefix: '' } }),
    reason: 'Null prefix/suffix not allowed',
  },
  {
    name: 'an empty suffix',
    pattern: leaf({ 'anything-but': { suffix: '' } }),
    reason: 'Null prefix/suffix not allowed',
  },
  {
    name: 'an empty prefix in a list',
    pattern: leaf({ 'anything-but': { prefix: ['a', ''] } }),
    reason: 'Null prefix/suffix not allowed',
  },
  {
    name: 'a numeric prefix',
    pattern: leaf({ 'anything-but': { prefix: 123 } }),
    reason: 'Value of anything-but must be an array or single string/number value.',
  },
  {
    name: 'a number in a prefix list',
    pattern: leaf({ 'anything-but': { prefix: [123, 'test'] } }),
    reason: 'prefix/suffix match pattern must be a string',
  },
  {
    name: 'null in a suffix list',
    pattern: leaf({ 'anything-but': { suffix: [null, '.txt'] } }),
    reason: 'prefix/suffix match pattern must be a string',
  },
  {
    name: 'an ignore-case prefix',
    pattern: leaf({ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }),
    reason: 'Value of anything-but must be an array or single string/number value.',
  },
  {
    name: 'an ignore-case suffix',
    pattern: leaf({ 'anything-but': { suffix: { 'equals-ignore-case': '.png' } } }),
    reason: 'Value of anything-but must be',
  },
  {
    name: 'a numeric ignore-case value',
    pattern: leaf({ 'anything-but': { 'equals-ignore-case': 123 } }),
    reason: 'Value of anything-but must be',
  },
  {
    name: 'numbers in an ignore-case list',
    pattern: leaf({ 'anything-but': { 'equals-ignore-case': [123, 456] } }),
    reason: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  },
  {
    name: 'a numeric wildcard',
    pattern: leaf({ 'anything-but': { wildcard: 123 } }),
    reason: 'Value of anything-but must be',
  },
  {
    name: 'a number in a wildcard list',
    pattern: leaf({ 'anything-but': { wildcard: [123, '*/dir/*'] } }),
    reason: 'wildcard match pattern must be a string',
  },
  {
    name: 'a consecutive wildcard',
    pattern: leaf({ 'anything-but': { wildcard: 'a**' } }),
    reason: 'Consecutive wildcard characters',
  },
  {
    name: 'a numeric range',
    pattern: leaf({ 'anything-but': { numeric: ['>', 1] } }),
    reason: 'Unsupported anything-but pattern: numeric',
  },
  {
    name: 'an exists test',
    pattern: leaf({ 'anything-but': { exists: true } }),
    reason: 'Unsupported anything-but pattern: exists',
  },
  {
    name: 'a nested anything-but',
    pattern: leaf({ 'anything-but': { 'anything-but': 'x' } }),
    reason: 'Unsupported anything-but pattern: anything-but',
  },
  {
    name: 'an empty expression',
    pattern: leaf({ 'anything-but': {} }),
    reason: 'Anything-But expression name not found',
  },
  {
    name: 'two operators',
    pattern: leaf({ 'anything-but': { prefix: 'a', suffix: 'b' } }),
    reason: 'Only one key allowed',
  },
];

const or: InvalidCase[] = [
  {
    name: 'an object instead of a list',
    pattern: { $or: { a: [1] } },
    reason: 'It must be an Array followed with $or.',
  },
  {
    name: 'a string instead of a list',
    pattern: { $or: 'a' },
    reason: 'It must be an Array followed with $or.',
  },
  {
    name: 'a single branch',
    pattern: { $or: [{ a: [1] }] },
    reason: 'There must have at least 2 Objects in $or relationship.',
  },
  {
    name: 'no branches',
    pattern: { $or: [] },
    reason: 'There must have at least 2 Objects in $or relationship.',
  },
  {
    name: 'a branch that is not an object',
    pattern: { $or: [{ a: [1] }, 'b'] },
    reason: 'Only JSON object is allowed in array of $or relationship.',
  },
  {
    name: 'a branch that is a list',
    pattern: { $or: [{ a: [1] }, [{ b: [1] }]] },
    reason: 'Only JSON object is allowed',
  },
  { name: 'an empty branch', pattern: { $or: [{ a: [1] }, {}] }, reason: 'Empty objects are not allowed' },
  {
    name: 'an operator name as a branch field',
    pattern: { $or: [{ prefix: ['a'] }, { b: [1] }] },
    reason: 'prefix is Ruler reserved fieldName which cannot be used inside $or.',
  },
  {
    name: 'a numeric operator as a branch field',
    pattern: { $or: [{ a: [1] }, { numeric: [1] }] },
    reason: 'numeric is Ruler reserved fieldName',
  },
  {
    name: 'a reserved name deep in a branch',
    pattern: { $or: [{ x: { exists: [true] } }, { b: [1] }] },
    reason: 'exists is Ruler reserved fieldName',
  },
  {
    name: 'a comparison symbol as a branch field',
    pattern: { $or: [{ '>=': [1] }, { b: [1] }] },
    reason: '>= is Ruler reserved fieldName',
  },
  {
    name: 'an empty value list in a branch',
    pattern: { $or: [{ a: [1] }, { b: [] }] },
    reason: 'Empty arrays are not allowed',
  },
  {
    name: 'a nested $or with one branch',
    pattern: { $or: [{ a: [1] }, { b: [1], $or: [{ c: [1] }] }] },
    reason: 'at least 2 Objects',
  },
  {
    name: 'an invalid condition in a branch',
    pattern: { detail: { $or: [{ a: [{ prefix: 1 }] }, { b: [1] }] } },
    reason: 'prefix match pattern must be a string',
  },
];

const valid: ValidCase[] = [
  { name: 'a plain value list', pattern: { source: ['aws.ec2', 'aws.fargate'] } },
  { name: 'every literal type', pattern: { a: ['s', 1, -2.5, true, false, null] } },
  { name: 'pattern text with whitespace', pattern: '{\n  "source": [ "x" ]\n}' },
  { name: 'nested objects', pattern: { detail: { a: { b: ['x'] } } } },
  { name: 'dotted keys', pattern: { 'detail.state': ['x'] } },
  { name: 'operator names as ordinary field names', pattern: { prefix: ['x'], numeric: { exists: ['y'] } } },
  { name: 'a field literally named exactly', pattern: { exactly: ['x'] } },
  { name: 'an empty prefix', pattern: leaf({ prefix: '' }) },
  { name: 'an ignore-case prefix', pattern: leaf({ prefix: { 'equals-ignore-case': 'EventB' } }) },
  { name: 'an empty suffix', pattern: leaf({ suffix: '' }) },
  { name: 'an ignore-case suffix', pattern: leaf({ suffix: { 'equals-ignore-case': '.png' } }) },
  { name: 'an empty equals-ignore-case', pattern: leaf({ 'equals-ignore-case': '' }) },
  { name: 'an empty wildcard', pattern: leaf({ wildcard: '' }) },
  { name: 'five wildcards', pattern: leaf({ wildcard: '*a*b*c*d*' }) },
  { name: 'escaped stars beyond five', pattern: leaf({ wildcard: '\\*\\*\\*\\*\\*\\**' }) },
  { name: 'an escaped backslash', pattern: leaf({ wildcard: 'a\\\\b' }) },
  { name: 'a wildcard after an escaped star', pattern: leaf({ wildcard: '\\**' }) },
  { name: 'numeric equals', pattern: leaf({ numeric: ['=', 3.018e2] }) },
  { name: 'numeric upper bounds', pattern: { a: [{ numeric: ['<', 10] }, { numeric: ['<=', 10] }] } },
  { name: 'numeric lower bounds', pattern: { a: [{ numeric: ['>', 0] }, { numeric: ['>=', 0] }] } },
  {
    name: 'numeric ranges',
    pattern: { a: [{ numeric: ['>', 0, '<=', 5] }, { numeric: ['>=', -1, '<', 1e9] }] },
  },
  { name: 'a numeric range with negative bounds', pattern: leaf({ numeric: ['>=', -10, '<=', -5] }) },
  { name: 'an IPv4 CIDR', pattern: leaf({ cidr: '10.0.0.0/24' }) },
  { name: 'an IPv4 /0', pattern: leaf({ cidr: '0.0.0.0/0' }) },
  { name: 'an IPv4 /31 with host bits', pattern: leaf({ cidr: '10.0.0.77/31' }) },
  { name: 'an IPv6 CIDR', pattern: leaf({ cidr: '2001:db8:1234:1a00::/64' }) },
  { name: 'an IPv6 /127', pattern: leaf({ cidr: '2001:db8::/127' }) },
  { name: 'exists true and false', pattern: { a: [{ exists: true }], b: [{ exists: false }] } },
  { name: 'anything-but a string', pattern: leaf({ 'anything-but': 'initializing' }) },
  { name: 'anything-but an empty string', pattern: leaf({ 'anything-but': '' }) },
  { name: 'anything-but a number', pattern: leaf({ 'anything-but': 0 }) },
  { name: 'anything-but a string list', pattern: leaf({ 'anything-but': ['stopped', 'overloaded'] }) },
  { name: 'anything-but a number list', pattern: leaf({ 'anything-but': [100, 200, 300] }) },
  { name: 'anything-but a prefix', pattern: leaf({ 'anything-but': { prefix: 'init' } }) },
  { name: 'anything-but a prefix list', pattern: leaf({ 'anything-but': { prefix: ['init', 'error'] } }) },
  { name: 'anything-but an empty prefix list', pattern: leaf({ 'anything-but': { prefix: [] } }) },
  { name: 'anything-but a suffix list', pattern: leaf({ 'anything-but': { suffix: ['1234', '6789'] } }) },
  {
    name: 'anything-but ignoring case',
    pattern: leaf({ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }),
  },
  {
    name: 'anything-but an empty ignore-case value',
    pattern: leaf({ 'anything-but': { 'equals-ignore-case': '' } }),
  },
  { name: 'anything-but a wildcard', pattern: leaf({ 'anything-but': { wildcard: '*/bin/*.jar' } }) },
  { name: 'anything-but an empty wildcard', pattern: leaf({ 'anything-but': { wildcard: '' } }) },
  { name: 'an $or with three branches', pattern: { $or: [{ a: [1] }, { b: [2] }, { c: [3] }] } },
  { name: 'an $or inside a nested object', pattern: { detail: { $or: [{ a: [1] }, { b: [2] }] } } },
  {
    name: 'an $or nested inside a branch',
    pattern: { $or: [{ a: [1] }, { b: [2], $or: [{ c: [3] }, { d: [4] }] }] },
  },
  {
    name: 'several conditions for one field',
    pattern: { k: [{ exists: true }, { prefix: 'A' }, { suffix: 'B' }] },
  },
  {
    name: 'a pattern of exactly the size limit',
    pattern: { a: ['x'.repeat(MAX_PATTERN_LENGTH - '{"a":[""]}'.length)] },
  },
];

describe('validatePattern', () => {
  describe.each([
    ['pattern structure', structure],
    ['operator names', operators],
    ['prefix, suffix and equals-ignore-case', affixes],
    ['wildcard', wildcards],
    ['numeric', numerics],
    ['cidr', cidrs],
    ['exists', exists],
    ['anything-but', anythingBut],
    ['$or', or],
  ])('rejects invalid %s', (_group, cases) => {
    it.each(cases)('rejects $name', ({ pattern, reason }) => {
      let thrown: unknown;
      try {
        validatePattern(pattern);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidEventPatternError);
      expect((thrown as InvalidEventPatternError).message).toContain(reason);
    });
  });

  describe('accepts valid patterns', () => {
    it.each(valid)('accepts $name', ({ pattern }) => {
      expect(() => validatePattern(pattern)).not.toThrow();
    });
  });

  it('names the error and says where the problem is', () => {
    let thrown: unknown;
    try {
      validatePattern({ detail: { state: [{ prefix: 1 }] } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({
      name: 'InvalidEventPatternError',
      reason: 'prefix match pattern must be a string',
      location: 'detail.state[0]',
      message:
        'Event pattern is not valid. Reason: prefix match pattern must be a string (at detail.state[0])',
    });
  });
});
