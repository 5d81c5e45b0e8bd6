import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const single = (value: unknown): object => ({ detail: { state: [{ 'anything-but': value }] } });
const list = (values: unknown[]): object => single(values);
const form = (operator: string, value: unknown): object => single({ [operator]: value });

const singleValue: MatchCase[] = [
  {
    name: 'matches a different string',
    pattern: single('initializing'),
    event: { detail: { state: 'pending' } },
    expected: true,
  },
  {
    name: 'fails on the excluded string',
    pattern: single('initializing'),
    event: { detail: { state: 'initializing' } },
    expected: false,
  },
  {
    name: 'compares strings case-sensitively',
    pattern: single('initializing'),
    event: { detail: { state: 'INITIALIZING' } },
    expected: true,
  },
  {
    name: 'fails when the field is missing',
    pattern: single('initializing'),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches null',
    pattern: single('initializing'),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'matches a number when a string is excluded',
    pattern: single('1'),
    event: { detail: { state: 1 } },
    expected: true,
  },
  { name: 'matches a boolean', pattern: single('true'), event: { detail: { state: true } }, expected: true },
  {
    name: 'matches the empty string',
    pattern: single('x'),
    event: { detail: { state: '' } },
    expected: true,
  },
  {
    name: 'matches an array holding another value',
    pattern: single('stopped'),
    event: { detail: { state: ['stopped', 'running'] } },
    expected: true,
  },
  {
    name: 'fails an array holding only the excluded value',
    pattern: single('stopped'),
    event: { detail: { state: ['stopped'] } },
    expected: false,
  },
  {
    name: 'fails an empty event array',
    pattern: single('stopped'),
    event: { detail: { state: [] } },
    expected: false,
  },
  {
    name: 'fails when the field is an object',
    pattern: single('stopped'),
    event: { detail: { state: { a: 1 } } },
    expected: false,
  },
];

const valueList: MatchCase[] = [
  {
    name: 'matches a string outside the list',
    pattern: list(['stopped', 'overloaded']),
    event: { detail: { state: 'pending' } },
    expected: true,
  },
  {
    name: 'fails on the first listed string',
    pattern: list(['stopped', 'overloaded']),
    event: { detail: { state: 'stopped' } },
    expected: false,
  },
  {
    name: 'fails on the second listed string',
    pattern: list(['stopped', 'overloaded']),
    event: { detail: { state: 'overloaded' } },
    expected: false,
  },
  {
    name: 'fails when the field is missing',
    pattern: list(['stopped', 'overloaded']),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches null',
    pattern: list(['stopped', 'running']),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'matches a number against a string list',
    pattern: list(['1', '2']),
    event: { detail: { state: 1 } },
    expected: true,
  },
];

const numbers: MatchCase[] = [
  {
    name: 'matches a different number',
    pattern: single(123),
    event: { detail: { state: 789 } },
    expected: true,
  },
  {
    name: 'fails on the excluded number',
    pattern: single(123),
    event: { detail: { state: 123 } },
    expected: false,
  },
  {
    name: 'compares numbers by value',
    pattern: '{"detail": {"state": [{"anything-but": 123}]}}',
    event: '{"detail": {"state": 1.23e2}}',
    expected: false,
  },
  {
    name: 'matches the string spelling of the excluded number',
    pattern: single(123),
    event: { detail: { state: '123' } },
    expected: true,
  },
  {
    name: 'matches null when a number is excluded',
    pattern: single(123),
    event: { detail: { state: null } },
    expected: true,
  },
  { name: 'excludes zero', pattern: single(0), event: { detail: { state: 0 } }, expected: false },
  {
    name: 'matches other numbers when zero is excluded',
    pattern: single(0),
    event: { detail: { state: 789 } },
    expected: true,
  },
  {
    name: 'matches a number outside a list',
    pattern: list([100, 200, 300]),
    event: { detail: { state: 999 } },
    expected: true,
  },
  {
    name: 'fails on a listed number',
    pattern: list([100, 200, 300]),
    event: { detail: { state: 100 } },
    expected: false,
  },
  {
    name: 'fails on a listed number spelled differently',
    pattern: '{"detail": {"state": [{"anything-but": [100, 200, 300]}]}}',
    event: '{"detail": {"state": 3e2}}',
    expected: false,
  },
  {
    name: 'matches an array with one unlisted number',
    pattern: list([100, 500]),
    event: { detail: { state: [100, 50] } },
    expected: true,
  },
  {
    name: 'fails an array of only listed numbers',
    pattern: list([100, 500]),
    event: { detail: { state: [100, 500] } },
    expected: false,
  },
];

const prefix: MatchCase[] = [
  {
    name: 'matches a string without the prefix',
    pattern: form('prefix', 'init'),
    event: { detail: { state: 'post-init' } },
    expected: true,
  },
  {
    name: 'fails a string with the prefix',
    pattern: form('prefix', 'init'),
    event: { detail: { state: 'init-prefix' } },
    expected: false,
  },
  {
    name: 'fails a string equal to the prefix',
    pattern: form('prefix', 'init'),
    event: { detail: { state: 'init' } },
    expected: false,
  },
  {
    name: 'matches a number',
    pattern: form('prefix', 'init'),
    event: { detail: { state: 12 } },
    expected: true,
  },
  {
    name: 'matches null',
    pattern: form('prefix', 'init'),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'fails when the field is missing',
    pattern: form('prefix', 'init'),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches a string without any listed prefix',
    pattern: form('prefix', ['init', 'test']),
    event: { detail: { state: 'post-init' } },
    expected: true,
  },
  {
    name: 'fails a string with a listed prefix',
    pattern: form('prefix', ['init', 'post']),
    event: { detail: { state: 'post-init' } },
    expected: false,
  },
  {
    name: 'matches a number against a prefix list',
    pattern: form('prefix', ['init', 'test']),
    event: { detail: { state: 12 } },
    expected: true,
  },
  {
    name: 'matches anything present when the prefix list is empty',
    pattern: form('prefix', []),
    event: { detail: { state: 'x' } },
    expected: true,
  },
];

const suffix: MatchCase[] = [
  {
    name: 'matches a string without the suffix',
    pattern: form('suffix', '.txt'),
    event: { detail: { state: 'file.txt.bak' } },
    expected: true,
  },
  {
    name: 'fails a string with the suffix',
    pattern: form('suffix', '.txt'),
    event: { detail: { state: 'file.txt' } },
    expected: false,
  },
  {
    name: 'matches null',
    pattern: form('suffix', '.txt'),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'fails when the field is missing',
    pattern: form('suffix', '.txt'),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches a number',
    pattern: form('suffix', '3'),
    event: { detail: { state: 123 } },
    expected: true,
  },
  {
    name: 'matches without any listed suffix',
    pattern: form('suffix', ['.txt', '.jpg']),
    event: { detail: { state: 'file.txt.bak' } },
    expected: true,
  },
  {
    name: 'fails with a listed suffix',
    pattern: form('suffix', ['.txt', '.jpg']),
    event: { detail: { state: 'file.jpg' } },
    expected: false,
  },
];

const ignoreCase: MatchCase[] = [
  {
    name: 'matches a different string',
    pattern: form('equals-ignore-case', 'initializing'),
    event: { detail: { state: 'pending' } },
    expected: true,
  },
  {
    name: 'fails the excluded string in another case',
    pattern: form('equals-ignore-case', 'initializing'),
    event: { detail: { state: 'INITIALIZING' } },
    expected: false,
  },
  {
    name: 'matches null',
    pattern: form('equals-ignore-case', 'initializing'),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'fails when the field is missing',
    pattern: form('equals-ignore-case', 'initializing'),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches a number',
    pattern: form('equals-ignore-case', '1'),
    event: { detail: { state: 1 } },
    expected: true,
  },
  {
    name: 'matches outside a list',
    pattern: form('equals-ignore-case', ['initializing', 'stopped']),
    event: { detail: { state: 'pending' } },
    expected: true,
  },
  {
    name: 'fails on a list member in another case',
    pattern: form('equals-ignore-case', ['initializing', 'stopped']),
    event: { detail: { state: 'Stopped' } },
    expected: false,
  },
  {
    name: 'excludes the empty string',
    pattern: form('equals-ignore-case', ''),
    event: { detail: { state: '' } },
    expected: false,
  },
];

const wildcard: MatchCase[] = [
  {
    name: 'matches a value outside the wildcard',
    pattern: form('wildcard', '*/dir/*'),
    event: { detail: { state: 'dir/init/file' } },
    expected: true,
  },
  {
    name: 'fails a value inside the wildcard',
    pattern: form('wildcard', '*/init/*'),
    event: { detail: { state: 'dir/init/file' } },
    expected: false,
  },
  {
    name: 'matches non-empty text when the empty string is excluded',
    pattern: form('wildcard', ''),
    event: { detail: { state: 'dir/init/file' } },
    expected: true,
  },
  {
    name: 'fails the empty string when it is excluded',
    pattern: form('wildcard', ''),
    event: { detail: { state: '' } },
    expected: false,
  },
  {
    name: 'matches a number',
    pattern: form('wildcard', '*/dir/*'),
    event: { detail: { state: 123 } },
    expected: true,
  },
  {
    name: 'matches null',
    pattern: form('wildcard', '*/dir/*'),
    event: { detail: { state: null } },
    expected: true,
  },
  {
    name: 'fails when the field is missing',
    pattern: form('wildcard', '*/init/*'),
    event: { detail: {} },
    expected: false,
  },
  {
    name: 'matches outside every listed wildcard',
    pattern: form('wildcard', ['*/init/*', '*/dir/*']),
    event: { detail: { state: 'dir/post/dir' } },
    expected: true,
  },
  {
    name: 'fails inside one listed wildcard',
    pattern: form('wildcard', ['*/init/*', '*/dir/*']),
    event: { detail: { state: 'dir/init/dir' } },
    expected: false,
  },
];

const combined: MatchCase[] = [
  {
    name: 'matches when a value and its exclusion are alternatives',
    pattern: { s: [{ 'anything-but': 'a' }, 'a'] },
    event: { s: 'a' },
    expected: true,
  },
  {
    name: 'applies exclusions inside arrays of objects per element',
    pattern: { items: { status: [{ 'anything-but': 'closed' }] } },
    event: { items: [{ status: 'closed' }, { status: 'open' }] },
    expected: true,
  },
  {
    name: 'fails when every element holds the excluded value',
    pattern: { items: { status: [{ 'anything-but': 'closed' }] } },
    event: { items: [{ status: 'closed' }, { status: 'closed' }] },
    expected: false,
  },
  {
    name: 'matches the documented multi-condition example',
    pattern: {
      time: [{ prefix: '2022-07-13' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    },
    event: {
      time: '2022-07-13T13:48:01Z',
      detail: { state: 'processing', 'c-count': 3, 'd-count': 9, 'x-limit': 999 },
    },
    expected: true,
  },
  {
    name: 'fails the documented multi-condition example on an excluded limit',
    pattern: {
      time: [{ prefix: '2022-07-13' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    },
    event: { time: '2022-07-13T13:48:01Z', detail: { state: 'processing', 'x-limit': 300 } },
    expected: false,
  },
];

describe('anything-but', () => {
  describe('single value', () => itMatchesCases(singleValue));
  describe('list of values', () => itMatchesCases(valueList));
  describe('numbers', () => itMatchesCases(numbers));
  describe('prefix', () => itMatchesCases(prefix));
  describe('suffix', () => itMatchesCases(suffix));
  describe('equals-ignore-case', () => itMatchesCases(ignoreCase));
  describe('wildcard', () => itMatchesCases(wildcard));
  describe('combined with other conditions', () => itMatchesCases(combined));
});
