import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const exists = (value: boolean): object => ({ detail: { state: [{ exists: value }] } });

const present: MatchCase[] = [
  {
    name: 'matches a present string',
    pattern: exists(true),
    event: { detail: { state: 'pending' } },
    expected: true,
  },
  {
    name: 'fails a missing field',
    pattern: exists(true),
    event: { detail: { 'c-count': { c1: 100 } } },
    expected: false,
  },
  { name: 'fails when the parent is missing', pattern: exists(true), event: {}, expected: false },
  { name: 'matches a null value', pattern: exists(true), event: { detail: { state: null } }, expected: true },
  {
    name: 'matches an empty string',
    pattern: exists(true),
    event: { detail: { state: '' } },
    expected: true,
  },
  { name: 'matches false', pattern: exists(true), event: { detail: { state: false } }, expected: true },
  { name: 'matches zero', pattern: exists(true), event: { detail: { state: 0 } }, expected: true },
  {
    name: 'fails an empty array',
    pattern: { resources: [{ exists: true }] },
    event: { resources: [] },
    expected: false,
  },
  {
    name: 'matches a non-empty array',
    pattern: { resources: [{ exists: true }] },
    event: { resources: ['arn:x'] },
    expected: true,
  },
  {
    name: 'matches an array holding null',
    pattern: { resources: [{ exists: true }] },
    event: { resources: [null] },
    expected: true,
  },
  {
    name: 'fails an object, which is not a leaf',
    pattern: { dynamodb: { presentKey: [{ exists: true }] } },
    event: { dynamodb: { presentKey: { S: 'x' } } },
    expected: false,
  },
  {
    name: 'fails an array of objects',
    pattern: { a: [{ exists: true }] },
    event: { a: [{ b: 1 }] },
    expected: false,
  },
  {
    name: 'matches a leaf under a nested path',
    pattern: { dynamodb: { presentKey: { S: [{ exists: true }] } } },
    event: { dynamodb: { presentKey: { S: 'x' } } },
    expected: true,
  },
  {
    name: 'matches a leaf behind a dotted event key',
    pattern: { a: { b: [{ exists: true }] } },
    event: { 'a.b': 1 },
    expected: true,
  },
  {
    name: 'does not see inherited members',
    pattern: { constructor: [{ exists: true }] },
    event: {},
    expected: false,
  },
];

const absent: MatchCase[] = [
  { name: 'matches a missing field', pattern: exists(false), event: { detail: {} }, expected: true },
  {
    name: 'fails a present field',
    pattern: exists(false),
    event: { detail: { state: 'x' } },
    expected: false,
  },
  {
    name: 'fails a null field, which is present',
    pattern: exists(false),
    event: { detail: { state: null } },
    expected: false,
  },
  {
    name: 'matches an empty array, which holds no value',
    pattern: exists(false),
    event: { detail: { state: [] } },
    expected: true,
  },
  {
    name: 'matches an object, which is not a leaf',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { detail: { 'c-count': { c1: 100 } } },
    expected: true,
  },
  { name: 'matches when the parent is missing', pattern: exists(false), event: {}, expected: true },
  {
    name: 'matches when the parent is a string',
    pattern: exists(false),
    event: { detail: 'text' },
    expected: true,
  },
  {
    name: 'matches when a deep path is cut short',
    pattern: { detail: { level1: { level2: { level3: { level4: [{ exists: false }] } } } } },
    event: { detail: { level1: { level2: 'l2 value' } } },
    expected: true,
  },
  {
    name: 'fails when the deep path exists',
    pattern: { detail: { level1: { level2: { level3: { level4: [{ exists: false }] } } } } },
    event: { detail: { level1: { level2: { level3: { level4: 'l4 value' } } } } },
    expected: false,
  },
  {
    name: 'matches an event with no fields at all',
    pattern: { source: [{ exists: false }] },
    event: {},
    expected: true,
  },
  {
    name: 'matches when no array element has the field',
    pattern: { items: { code: [{ exists: false }] } },
    event: { items: [{ a: 1 }, { b: 2 }] },
    expected: true,
  },
  {
    name: 'fails when any array element has the field',
    pattern: { items: { code: [{ exists: false }] } },
    event: { items: [{ a: 1 }, { code: 'x' }] },
    expected: false,
  },
  {
    name: 'fails when a dotted event key holds the field',
    pattern: { a: { b: [{ exists: false }] } },
    event: { 'a.b': 'x' },
    expected: false,
  },
  {
    name: 'matches inherited member names as absent',
    pattern: { constructor: [{ exists: false }] },
    event: {},
    expected: true,
  },
  {
    name: 'combines with a positive sibling',
    pattern: { detail: { state: ['on'], error: [{ exists: false }] } },
    event: { detail: { state: 'on' } },
    expected: true,
  },
  {
    name: 'fails a positive sibling when the field is present',
    pattern: { detail: { state: ['on'], error: [{ exists: false }] } },
    event: { detail: { state: 'on', error: 'boom' } },
    expected: false,
  },
];

const alternatives: MatchCase[] = [
  {
    name: 'matches anything-but when the field exists',
    pattern: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    event: { NewImage: { homemade: { S: 'ABCD', N: '1234' } } },
    expected: true,
  },
  {
    name: 'matches exists false when the sibling field differs',
    pattern: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    event: { NewImage: { homemade: { N: '789' } } },
    expected: true,
  },
  {
    name: 'matches exists false when the parent is missing',
    pattern: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    event: { NewImage: { purchased: { N: '789' } } },
    expected: true,
  },
  {
    name: 'fails both alternatives for the excluded value',
    pattern: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    event: { NewImage: { homemade: { S: 'roses' } } },
    expected: false,
  },
  {
    name: 'matches a present field when both exists forms are listed',
    pattern: { s: [{ exists: true }, { exists: false }] },
    event: { s: 1 },
    expected: true,
  },
  {
    name: 'matches a missing field when both exists forms are listed',
    pattern: { s: [{ exists: true }, { exists: false }] },
    event: {},
    expected: true,
  },
  {
    name: 'matches exists true listed beside other conditions',
    pattern: { k: [{ exists: true }, { prefix: 'IGNORED' }] },
    event: { k: 'my-value' },
    expected: true,
  },
  {
    name: 'matches a null value or a missing one',
    pattern: { k: [null, { exists: false }] },
    event: { k: null },
    expected: true,
  },
];

describe('exists', () => {
  describe('exists: true', () => itMatchesCases(present));
  describe('exists: false', () => itMatchesCases(absent));
  describe('exists among alternatives', () => itMatchesCases(alternatives));
});
