import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const numeric = (...operands: unknown[]): object => ({ n: [{ numeric: operands }] });

const equals: MatchCase[] = [
  { name: 'matches an equal number', pattern: numeric('=', 5), event: { n: 5 }, expected: true },
  { name: 'fails a different number', pattern: numeric('=', 5), event: { n: 6 }, expected: false },
  {
    name: 'matches 5.0 against = 5',
    pattern: '{"n": [{"numeric": ["=", 5]}]}',
    event: '{"n": 5.0}',
    expected: true,
  },
  {
    name: 'matches 5e0 against = 5',
    pattern: '{"n": [{"numeric": ["=", 5]}]}',
    event: '{"n": 5e0}',
    expected: true,
  },
  {
    name: 'matches = 3.018e2 against 301.8',
    pattern: '{"n": [{"numeric": ["=", 3.018e2]}]}',
    event: '{"n": 301.8}',
    expected: true,
  },
  { name: 'never matches a numeric string', pattern: numeric('=', 5), event: { n: '5' }, expected: false },
  { name: 'never matches null', pattern: numeric('=', 0), event: { n: null }, expected: false },
  { name: 'never matches booleans', pattern: numeric('=', 1), event: { n: true }, expected: false },
  { name: 'never matches a missing field', pattern: numeric('=', 0), event: {}, expected: false },
];

const bounds: MatchCase[] = [
  {
    name: 'matches below an exclusive upper bound',
    pattern: numeric('<', 10),
    event: { n: 9 },
    expected: true,
  },
  { name: 'fails at an exclusive upper bound', pattern: numeric('<', 10), event: { n: 10 }, expected: false },
  { name: 'fails above an upper bound', pattern: numeric('<', 10), event: { n: 11 }, expected: false },
  {
    name: 'matches negative numbers below a bound',
    pattern: numeric('<', 0),
    event: { n: -3.5 },
    expected: true,
  },
  {
    name: 'matches at an inclusive upper bound',
    pattern: numeric('<=', 10),
    event: { n: 10 },
    expected: true,
  },
  {
    name: 'fails just above an inclusive upper bound',
    pattern: numeric('<=', 10),
    event: { n: 10.0001 },
    expected: false,
  },
  {
    name: 'matches above an exclusive lower bound',
    pattern: numeric('>', 0),
    event: { n: 1 },
    expected: true,
  },
  { name: 'fails at an exclusive lower bound', pattern: numeric('>', 0), event: { n: 0 }, expected: false },
  { name: 'fails below a lower bound', pattern: numeric('>', 0), event: { n: -1 }, expected: false },
  { name: 'matches at an inclusive lower bound', pattern: numeric('>=', 0), event: { n: 0 }, expected: true },
  {
    name: 'fails below an inclusive lower bound',
    pattern: numeric('>=', 0),
    event: { n: -0.5 },
    expected: false,
  },
  {
    name: 'matches 101.0 above 100',
    pattern: '{"n": [{"numeric": [">", 100]}]}',
    event: '{"n": 101.0}',
    expected: true,
  },
  {
    name: 'never matches a numeric string above a bound',
    pattern: numeric('>', 100),
    event: { n: '300' },
    expected: false,
  },
  {
    name: 'never matches null against a bound',
    pattern: numeric('>', 100),
    event: { n: null },
    expected: false,
  },
  { name: 'handles large magnitudes', pattern: numeric('>', 5e9), event: { n: 1e300 }, expected: true },
  { name: 'handles small fractions', pattern: numeric('<', 1e-6), event: { n: 1e-7 }, expected: true },
];

const ranges: MatchCase[] = [
  {
    name: 'matches inside a half-open range',
    pattern: numeric('>', 0, '<=', 5),
    event: { n: 3 },
    expected: true,
  },
  { name: 'matches at the closed top', pattern: numeric('>', 0, '<=', 5), event: { n: 5 }, expected: true },
  { name: 'fails at the open bottom', pattern: numeric('>', 0, '<=', 5), event: { n: 0 }, expected: false },
  {
    name: 'fails just above the top',
    pattern: numeric('>', 0, '<=', 5),
    event: { n: 5.000001 },
    expected: false,
  },
  {
    name: 'matches at the closed bottom',
    pattern: numeric('>=', 0, '<', 5),
    event: { n: 0 },
    expected: true,
  },
  { name: 'fails at the open top', pattern: numeric('>=', 0, '<', 5), event: { n: 5 }, expected: false },
  {
    name: 'matches inside a negative range',
    pattern: numeric('>', -10, '<', -5),
    event: { n: -7 },
    expected: true,
  },
  {
    name: 'fails outside a negative range',
    pattern: numeric('>', -10, '<', -5),
    event: { n: -4 },
    expected: false,
  },
  {
    name: 'matches inside a closed decimal range',
    pattern: numeric('>=', 0.1, '<=', 0.2),
    event: { n: 0.15 },
    expected: true,
  },
  {
    name: 'matches when any array element is in range',
    pattern: numeric('<', 5),
    event: { n: [10, 1] },
    expected: true,
  },
  {
    name: 'fails when no array element is in range',
    pattern: numeric('<', 5),
    event: { n: [10, 20] },
    expected: false,
  },
  {
    name: 'matches one of several ranges',
    pattern: { n: [{ numeric: ['<', 0] }, { numeric: ['>', 10] }] },
    event: { n: 11 },
    expected: true,
  },
  {
    name: 'fails between several ranges',
    pattern: { n: [{ numeric: ['<', 0] }, { numeric: ['>', 10] }] },
    event: { n: 5 },
    expected: false,
  },
];

const mixed: MatchCase[] = [
  {
    name: 'matches every documented comparison at once',
    pattern: {
      detail: {
        'num-test1': [{ numeric: ['<', 200] }],
        'num-test2': [{ numeric: ['<=', 200] }],
        'num-test3': [{ numeric: ['>', 200] }],
        'num-test4': [{ numeric: ['>=', 200] }],
        'num-test5': [{ numeric: ['>=', 200, '<=', 500] }],
        'num-test6': [{ numeric: ['>', 200, '<', 500] }],
      },
    },
    event: {
      detail: {
        'num-test1': 100,
        'num-test2': 200,
        'num-test3': 300,
        'num-test4': 200,
        'num-test5': 500,
        'num-test6': 300,
      },
    },
    expected: true,
  },
  {
    name: 'fails when one of several numeric fields is out of range',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }] } },
    event: { detail: { 'c-count': 42, 'd-count': 9 } },
    expected: false,
  },
  {
    name: 'falls back to anything-but for a numeric string',
    pattern: { N: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] },
    event: { N: '42' },
    expected: true,
  },
  {
    name: 'fails both alternatives for the excluded numeric string',
    pattern: { N: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] },
    event: { N: '101' },
    expected: false,
  },
];

describe('numeric', () => {
  describe('equality', () => itMatchesCases(equals));
  describe('single bounds', () => itMatchesCases(bounds));
  describe('ranges', () => itMatchesCases(ranges));
  describe('with other conditions', () => itMatchesCases(mixed));
});
