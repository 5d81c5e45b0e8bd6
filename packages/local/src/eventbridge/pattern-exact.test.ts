import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const strings: MatchCase[] = [
  {
    name: 'matches an equal string',
    pattern: { source: ['aws.ec2'] },
    event: { source: 'aws.ec2' },
    expected: true,
  },
  {
    name: 'compares strings case-sensitively',
    pattern: { source: ['aws.ec2'] },
    event: { source: 'AWS.EC2' },
    expected: false,
  },
  { name: 'does not trim whitespace', pattern: { source: ['a'] }, event: { source: 'a ' }, expected: false },
  {
    name: 'matches strings with emoji and trailing spaces exactly',
    pattern: { s: ['A CamelCase string with an emoji 🚀 and trailing whitespace '] },
    event: { s: 'A CamelCase string with an emoji 🚀 and trailing whitespace ' },
    expected: true,
  },
  { name: 'matches the empty string', pattern: { last: [''] }, event: { last: '' }, expected: true },
  {
    name: 'does not match the empty string to a missing field',
    pattern: { last: [''] },
    event: {},
    expected: false,
  },
  {
    name: 'does not match the empty string to null',
    pattern: { last: [''] },
    event: { last: null },
    expected: false,
  },
  {
    name: 'matches any of several values',
    pattern: { s: ['a', 'b', 'c'] },
    event: { s: 'b' },
    expected: true,
  },
  {
    name: 'fails when no listed value is equal',
    pattern: { s: ['a', 'b'] },
    event: { s: 'd' },
    expected: false,
  },
  {
    name: 'does not match a string to a number',
    pattern: { n: ['300'] },
    event: { n: 300 },
    expected: false,
  },
  {
    name: 'treats a star in a plain value literally',
    pattern: { s: ['*'] },
    event: { s: 'anything' },
    expected: false,
  },
  { name: 'matches a literal star value', pattern: { s: ['*'] }, event: { s: '*' }, expected: true },
  {
    name: 'matches a literal backslash value',
    pattern: '{"s": ["\\\\"]}',
    event: '{"s": "\\\\"}',
    expected: true,
  },
];

const numbers: MatchCase[] = [
  { name: 'matches an equal integer', pattern: { n: [200] }, event: { n: 200 }, expected: true },
  { name: 'fails on a different number', pattern: { n: [200] }, event: { n: 201 }, expected: false },
  { name: 'matches 300 against 300.0', pattern: '{"n": [300]}', event: '{"n": 300.0}', expected: true },
  { name: 'matches 300 against 3e2', pattern: '{"n": [300]}', event: '{"n": 3e2}', expected: true },
  { name: 'matches 3.0e2 against 300', pattern: '{"n": [3.0e2]}', event: '{"n": 300}', expected: true },
  { name: 'matches 3E+2 against 300.00', pattern: '{"n": [3E+2]}', event: '{"n": 300.00}', expected: true },
  { name: 'matches negative decimals', pattern: { n: [-12.5] }, event: { n: -12.5 }, expected: true },
  { name: 'matches 1.50 against 1.5', pattern: '{"n": [1.50]}', event: '{"n": 1.5}', expected: true },
  {
    name: 'does not match a number to its string',
    pattern: { n: [300] },
    event: { n: '300' },
    expected: false,
  },
  { name: 'does not match zero to false', pattern: { n: [0] }, event: { n: false }, expected: false },
  { name: 'does not match zero to null', pattern: { n: [0] }, event: { n: null }, expected: false },
  {
    name: 'matches one number of a list',
    pattern: { salary: [2000, 4000] },
    event: { salary: 4000 },
    expected: true,
  },
  {
    name: 'matches a large account-like number',
    pattern: { a: [123456789012] },
    event: { a: 123456789012 },
    expected: true,
  },
];

const literals: MatchCase[] = [
  { name: 'matches true', pattern: { b: [true] }, event: { b: true }, expected: true },
  { name: 'matches false', pattern: { b: [false] }, event: { b: false }, expected: true },
  { name: 'does not match true to false', pattern: { b: [false] }, event: { b: true }, expected: false },
  {
    name: 'does not match true to the string "true"',
    pattern: { b: [true] },
    event: { b: 'true' },
    expected: false,
  },
  {
    name: 'does not match the string "true" to true',
    pattern: { b: ['true'] },
    event: { b: true },
    expected: false,
  },
  { name: 'does not match false to a missing field', pattern: { b: [false] }, event: {}, expected: false },
  { name: 'matches null', pattern: { r: [null] }, event: { r: null }, expected: true },
  {
    name: 'does not match null to the string "null"',
    pattern: { r: [null] },
    event: { r: 'null' },
    expected: false,
  },
  { name: 'does not match null to a missing field', pattern: { r: [null] }, event: {}, expected: false },
  {
    name: 'does not match null to an empty array',
    pattern: { r: [null] },
    event: { r: [] },
    expected: false,
  },
  { name: 'does not match null to false', pattern: { r: [null] }, event: { r: false }, expected: false },
  {
    name: 'does not match null to an empty string',
    pattern: { r: [null] },
    event: { r: '' },
    expected: false,
  },
  {
    name: 'matches null from a mixed list',
    pattern: { r: ['a', 1, true, null] },
    event: { r: null },
    expected: true,
  },
  {
    name: 'matches true from a mixed list',
    pattern: { r: ['a', 1, true, null] },
    event: { r: true },
    expected: true,
  },
  {
    name: 'matches a number from a mixed list',
    pattern: { r: ['a', 1, true, null] },
    event: { r: 1 },
    expected: true,
  },
  {
    name: 'fails outside a mixed list',
    pattern: { r: ['a', 1, true, null] },
    event: { r: false },
    expected: false,
  },
];

const arrays: MatchCase[] = [
  {
    name: 'matches when the event array intersects the pattern array',
    pattern: { resources: ['arn:b', 'arn:c'] },
    event: { resources: ['arn:a', 'arn:b'] },
    expected: true,
  },
  {
    name: 'fails when the event array and pattern array are disjoint',
    pattern: { resources: ['arn:b', 'arn:c'] },
    event: { resources: ['arn:a'] },
    expected: false,
  },
  {
    name: 'never matches a value in an empty event array',
    pattern: { resources: ['x'] },
    event: { resources: [] },
    expected: false,
  },
  {
    name: 'matches numbers inside an event array',
    pattern: { n: [3] },
    event: { n: [1, 2, 3] },
    expected: true,
  },
  {
    name: 'looks through nested event arrays',
    pattern: { n: [3] },
    event: { n: [[1, 2], [[3]]] },
    expected: true,
  },
  {
    name: 'matches null inside an event array',
    pattern: { n: [null] },
    event: { n: ['a', null] },
    expected: true,
  },
  {
    name: 'ignores objects inside an array for a leaf',
    pattern: { n: ['x'] },
    event: { n: [{ v: 'x' }] },
    expected: false,
  },
  {
    name: 'matches a leaf beside objects in an array',
    pattern: { n: ['x'] },
    event: { n: [{ v: 'y' }, 'x'] },
    expected: true,
  },
];

const nesting: MatchCase[] = [
  {
    name: 'matches the documented EC2 example',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    },
    event: {
      version: '0',
      source: 'aws.ec2',
      'detail-type': 'EC2 Instance State-change Notification',
      detail: { 'instance-id': 'i-1', state: 'terminated' },
    },
    expected: true,
  },
  {
    name: 'matches a nested field',
    pattern: { detail: { state: ['on'] } },
    event: { detail: { state: 'on' } },
    expected: true,
  },
  {
    name: 'fails on a different nested value',
    pattern: { detail: { state: ['on'] } },
    event: { detail: { state: 'off' } },
    expected: false,
  },
  {
    name: 'fails when the parent object is missing',
    pattern: { detail: { state: ['on'] } },
    event: {},
    expected: false,
  },
  {
    name: 'fails when the parent is a string',
    pattern: { detail: { state: ['on'] } },
    event: { detail: 'on' },
    expected: false,
  },
  {
    name: 'fails when the parent is null',
    pattern: { detail: { state: ['on'] } },
    event: { detail: null },
    expected: false,
  },
  {
    name: 'requires every field (and)',
    pattern: { source: ['s'], detail: { a: [1], b: [2] } },
    event: { source: 's', detail: { a: 1, b: 2 } },
    expected: true,
  },
  {
    name: 'fails when one of several fields differs',
    pattern: { source: ['s'], detail: { a: [1], b: [2] } },
    event: { source: 's', detail: { a: 1, b: 3 } },
    expected: false,
  },
  {
    name: 'matches four levels deep',
    pattern: { a: { b: { c: { d: ['x'] } } } },
    event: { a: { b: { c: { d: 'x', e: 'y' } } } },
    expected: true,
  },
  {
    name: 'ignores event fields the pattern does not name',
    pattern: { a: [1] },
    event: { a: 1, b: 2, c: { d: 3 } },
    expected: true,
  },
  {
    name: 'only matches leaves, not objects',
    pattern: { detail: ['x'] },
    event: { detail: { x: 'x' } },
    expected: false,
  },
  {
    name: 'compares field names case-sensitively',
    pattern: { MY_KEY: ['v'] },
    event: { my_key: 'v' },
    expected: false,
  },
  {
    name: 'does not parse JSON text inside a string field',
    pattern: { detail: { k: ['v'] } },
    event: { detail: '{"k": "v"}' },
    expected: false,
  },
  { name: 'does not see inherited object members', pattern: { toString: ['x'] }, event: {}, expected: false },
  {
    name: 'lets the last duplicate key of JSON text win',
    pattern: '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}',
    event: '{"detail": {"location": "eu-central-1"}}',
    expected: true,
  },
  {
    name: 'matches a value that appears both as number and string in the pattern',
    pattern: { v: [1, '1'] },
    event: { v: '1' },
    expected: true,
  },
];

const arraysOfObjects: MatchCase[] = [
  {
    name: 'matches a field inside any element of an array of objects',
    pattern: { detail: { automations: { id: [{ exists: true }] } } },
    event: { detail: { automations: [{ key1: 'v' }, { id: 'x' }, { key2: 'v' }] } },
    expected: true,
  },
  {
    name: 'matches two fields from the same array element',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
      ],
    },
    expected: true,
  },
  {
    name: 'does not pair fields from different array elements',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Doe'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
      ],
    },
    expected: false,
  },
  {
    name: 'looks through arrays of arrays of objects',
    pattern: { employees: { firstName: ['Peter'] } },
    event: { employees: [[{ firstName: 'John' }], [{ firstName: 'Peter' }]] },
    expected: true,
  },
  {
    name: 'keeps deeper fields in the same outer element',
    pattern: { orders: { id: ['o2'], lines: { sku: ['b'] } } },
    event: {
      orders: [
        { id: 'o1', lines: [{ sku: 'b' }] },
        { id: 'o2', lines: [{ sku: 'a' }] },
      ],
    },
    expected: false,
  },
  {
    name: 'matches deeper fields that share the outer element',
    pattern: { orders: { id: ['o2'], lines: { sku: ['a'] } } },
    event: {
      orders: [
        { id: 'o1', lines: [{ sku: 'b' }] },
        { id: 'o2', lines: [{ sku: 'c' }, { sku: 'a' }] },
      ],
    },
    expected: true,
  },
  {
    name: 'treats separate arrays independently',
    pattern: { a: { x: [1] }, b: { y: [2] } },
    event: { a: [{ x: 0 }, { x: 1 }], b: [{ y: 2 }, { y: 3 }] },
    expected: true,
  },
  {
    name: 'fails when no element has the nested value',
    pattern: { items: { kind: ['vitals'] } },
    event: { items: [{ kind: 'note' }, { kind: 'call' }] },
    expected: false,
  },
];

const dottedPaths: MatchCase[] = [
  {
    name: 'matches a dotted pattern key against nested event objects',
    pattern: { detail: { 'state.status': ['running'] } },
    event: { detail: { state: { status: 'running' } } },
    expected: true,
  },
  {
    name: 'matches nested pattern objects against a dotted event key',
    pattern: { detail: { state: { status: ['running'] } } },
    event: { detail: { 'state.status': 'running' } },
    expected: true,
  },
  {
    name: 'does not match a dotted event key whose value is an object',
    pattern: { detail: { state: { status: ['running'] } } },
    event: { detail: { 'state.status': { status: 'running' } } },
    expected: false,
  },
  {
    name: 'does not match a dotted pattern key that nests one level too deep',
    pattern: { detail: { 'state.status': { status: ['running'] } } },
    event: { detail: { state: { status: 'running' } } },
    expected: false,
  },
  {
    name: 'matches a dotted pattern key against the same dotted event key',
    pattern: { 'a.b': ['x'] },
    event: { 'a.b': 'x' },
    expected: true,
  },
  {
    name: 'combines dotted and nested spellings of sibling fields',
    pattern: { 'a.b': [1], a: { c: [2] } },
    event: { a: { b: 1, c: 2 } },
    expected: true,
  },
];

const ipValues: MatchCase[] = [
  {
    name: 'matches an equal IPv4 address',
    pattern: { ip: ['10.0.0.1'] },
    event: { ip: '10.0.0.1' },
    expected: true,
  },
  {
    name: 'fails on a different IPv4 address',
    pattern: { ip: ['10.0.0.1'] },
    event: { ip: '10.0.0.2' },
    expected: false,
  },
  {
    name: 'compares IPv6 addresses by address, not spelling',
    pattern: { ip: ['2001:db8::1'] },
    event: { ip: '2001:0DB8:0000:0000:0000:0000:0000:0001' },
    expected: true,
  },
  {
    name: 'fails on a different IPv6 address',
    pattern: { ip: ['2001:db8::1'] },
    event: { ip: '2001:db8::2' },
    expected: false,
  },
  {
    name: 'does not treat times as IPv6 addresses',
    pattern: { t: ['12:30'] },
    event: { t: '12:030' },
    expected: false,
  },
  {
    name: 'still matches colon strings exactly',
    pattern: { t: ['12:30'] },
    event: { t: '12:30' },
    expected: true,
  },
];

describe('exact values', () => {
  describe('strings', () => itMatchesCases(strings));
  describe('numbers compare by value', () => itMatchesCases(numbers));
  describe('booleans and null', () => itMatchesCases(literals));
  describe('event arrays', () => itMatchesCases(arrays));
  describe('nested objects', () => itMatchesCases(nesting));
  describe('arrays of objects stay element-consistent', () => itMatchesCases(arraysOfObjects));
  describe('dotted paths', () => itMatchesCases(dottedPaths));
  describe('IP address values', () => itMatchesCases(ipValues));
});
