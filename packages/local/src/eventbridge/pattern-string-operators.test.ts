import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const prefix: MatchCase[] = [
  {
    name: 'matches a string with the prefix',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: { time: '2017-10-02T18:43:48Z' },
    expected: true,
  },
  {
    name: 'fails without the prefix',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: { time: '2017-10-03T00:00:00Z' },
    expected: false,
  },
  {
    name: 'is case-sensitive',
    pattern: { r: [{ prefix: 'us-' }] },
    event: { r: 'US-east-1' },
    expected: false,
  },
  {
    name: 'matches a value equal to the prefix',
    pattern: { r: [{ prefix: 'us-' }] },
    event: { r: 'us-' },
    expected: true,
  },
  {
    name: 'fails when the value is shorter than the prefix',
    pattern: { r: [{ prefix: 'us-east' }] },
    event: { r: 'us' },
    expected: false,
  },
  {
    name: 'matches any string with an empty prefix',
    pattern: { source: [{ prefix: '' }] },
    event: { source: 'x' },
    expected: true,
  },
  {
    name: 'matches the empty string with an empty prefix',
    pattern: { source: [{ prefix: '' }] },
    event: { source: '' },
    expected: true,
  },
  { name: 'never matches numbers', pattern: { n: [{ prefix: '12' }] }, event: { n: 123 }, expected: false },
  { name: 'never matches null', pattern: { n: [{ prefix: '' }] }, event: { n: null }, expected: false },
  { name: 'never matches booleans', pattern: { n: [{ prefix: 't' }] }, event: { n: true }, expected: false },
  { name: 'never matches a missing field', pattern: { n: [{ prefix: '' }] }, event: {}, expected: false },
  {
    name: 'matches any element of an event array',
    pattern: { r: [{ prefix: 'b' }] },
    event: { r: ['ax', 'bx'] },
    expected: true,
  },
  {
    name: 'matches prefixes of nested DynamoDB keys',
    pattern: { Keys: { PK: { S: [{ prefix: 'COMPANY' }] } } },
    event: { Keys: { PK: { S: 'COMPANY#1000' } } },
    expected: true,
  },
  {
    name: 'matches one of several prefixes',
    pattern: { admins: ['skyli', { prefix: 'hey' }, { prefix: 'ad' }] },
    event: { admins: 'admin' },
    expected: true,
  },
];

const prefixIgnoreCase: MatchCase[] = [
  {
    name: 'matches a prefix in another case',
    pattern: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] },
    event: { service: 'EvEnTbridge' },
    expected: true,
  },
  {
    name: 'matches an upper-case value',
    pattern: { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] },
    event: { service: 'EVENTBRIDGE' },
    expected: true,
  },
  {
    name: 'fails on a different prefix',
    pattern: { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] },
    event: { service: 'sns' },
    expected: false,
  },
  {
    name: 'never matches numbers',
    pattern: { n: [{ prefix: { 'equals-ignore-case': '1' } }] },
    event: { n: 12 },
    expected: false,
  },
  {
    name: 'matches anything with an empty prefix',
    pattern: { n: [{ prefix: { 'equals-ignore-case': '' } }] },
    event: { n: 'Q' },
    expected: true,
  },
];

const suffix: MatchCase[] = [
  {
    name: 'matches a string with the suffix',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png' },
    expected: true,
  },
  {
    name: 'is case-sensitive',
    pattern: { FileName: [{ suffix: '.PNG' }] },
    event: { FileName: 'image.png' },
    expected: false,
  },
  {
    name: 'fails without the suffix',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png.bak' },
    expected: false,
  },
  {
    name: 'matches a value equal to the suffix',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: '.png' },
    expected: true,
  },
  {
    name: 'matches any string with an empty suffix',
    pattern: { source: [{ suffix: '' }] },
    event: { source: 'x' },
    expected: true,
  },
  { name: 'never matches numbers', pattern: { n: [{ suffix: '3' }] }, event: { n: 123 }, expected: false },
  { name: 'never matches null', pattern: { n: [{ suffix: '' }] }, event: { n: null }, expected: false },
  {
    name: 'matches any element of an event array',
    pattern: { f: [{ suffix: '.png' }] },
    event: { f: ['a.jpg', 'b.png'] },
    expected: true,
  },
];

const suffixIgnoreCase: MatchCase[] = [
  {
    name: 'matches a suffix in another case',
    pattern: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] },
    event: { FileName: 'image.PNG' },
    expected: true,
  },
  {
    name: 'fails on a different suffix',
    pattern: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] },
    event: { FileName: 'image.jpg' },
    expected: false,
  },
  {
    name: 'never matches null',
    pattern: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] },
    event: { FileName: null },
    expected: false,
  },
  {
    name: 'matches mixed case on both sides',
    pattern: { s: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] },
    event: { s: 'EVENTBRIDGE' },
    expected: true,
  },
];

const equalsIgnoreCase: MatchCase[] = [
  {
    name: 'matches regardless of case',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    event: { 'detail-type': 'EC2 Instance State-change Notification' },
    expected: true,
  },
  {
    name: 'fails on a different string',
    pattern: { s: [{ 'equals-ignore-case': 'alice' }] },
    event: { s: 'alicia' },
    expected: false,
  },
  {
    name: 'does not match a substring',
    pattern: { s: [{ 'equals-ignore-case': 'ali' }] },
    event: { s: 'Alice' },
    expected: false,
  },
  {
    name: 'matches the empty string',
    pattern: { s: [{ 'equals-ignore-case': '' }] },
    event: { s: '' },
    expected: true,
  },
  {
    name: 'does not match a non-empty string to empty',
    pattern: { s: [{ 'equals-ignore-case': '' }] },
    event: { s: 'test-value' },
    expected: false,
  },
  {
    name: 'never matches numbers',
    pattern: { s: [{ 'equals-ignore-case': '1' }] },
    event: { s: 1 },
    expected: false,
  },
  {
    name: 'never matches null',
    pattern: { s: [{ 'equals-ignore-case': 'null' }] },
    event: { s: null },
    expected: false,
  },
  {
    name: 'never matches booleans',
    pattern: { s: [{ 'equals-ignore-case': 'true' }] },
    event: { s: true },
    expected: false,
  },
  {
    name: 'matches any element of an event array',
    pattern: { s: [{ 'equals-ignore-case': 'b' }] },
    event: { s: ['a', 'B'] },
    expected: true,
  },
  {
    name: 'folds non-ASCII letters',
    pattern: { s: [{ 'equals-ignore-case': 'ÄRZTIN' }] },
    event: { s: 'ärztin' },
    expected: true,
  },
];

const wildcard: MatchCase[] = [
  {
    name: 'matches a leading star',
    pattern: { f: [{ wildcard: '*.png' }] },
    event: { f: 'image.png' },
    expected: true,
  },
  {
    name: 'fails a leading star on a different ending',
    pattern: { f: [{ wildcard: '*.png' }] },
    event: { f: 'image.jpg' },
    expected: false,
  },
  {
    name: 'lets a star span slashes',
    pattern: { f: [{ wildcard: 'dir/*/file' }] },
    event: { f: 'dir/a/b/c/file' },
    expected: true,
  },
  {
    name: 'lets a star match nothing',
    pattern: { f: [{ wildcard: 'dir/*file' }] },
    event: { f: 'dir/file' },
    expected: true,
  },
  {
    name: 'matches anything with a lone star',
    pattern: { f: [{ wildcard: '*' }] },
    event: { f: 'whatever' },
    expected: true,
  },
  {
    name: 'matches the empty string with a lone star',
    pattern: { f: [{ wildcard: '*' }] },
    event: { f: '' },
    expected: true,
  },
  {
    name: 'matches only the empty string with an empty wildcard',
    pattern: { f: [{ wildcard: '' }] },
    event: { f: '' },
    expected: true,
  },
  {
    name: 'fails an empty wildcard on text',
    pattern: { f: [{ wildcard: '' }] },
    event: { f: 'arn:aws:events' },
    expected: false,
  },
  {
    name: 'matches several stars in order',
    pattern: { f: [{ wildcard: 'a*b*c' }] },
    event: { f: 'aXXbYYc' },
    expected: true,
  },
  {
    name: 'matches several stars matching nothing',
    pattern: { f: [{ wildcard: 'a*b*c' }] },
    event: { f: 'abc' },
    expected: true,
  },
  {
    name: 'requires the literal parts in order',
    pattern: { f: [{ wildcard: 'a*b*c' }] },
    event: { f: 'acb' },
    expected: false,
  },
  {
    name: 'matches text in the middle',
    pattern: { f: [{ wildcard: '*Title*' }] },
    event: { f: 'A Title Here' },
    expected: true,
  },
  {
    name: 'does not let prefix and suffix overlap',
    pattern: { f: [{ wildcard: 'aa*aa' }] },
    event: { f: 'aaa' },
    expected: false,
  },
  {
    name: 'matches adjoining prefix and suffix',
    pattern: { f: [{ wildcard: 'aa*aa' }] },
    event: { f: 'aaaa' },
    expected: true,
  },
  {
    name: 'is case-sensitive',
    pattern: { f: [{ wildcard: '*.PNG' }] },
    event: { f: 'a.png' },
    expected: false,
  },
  {
    name: 'matches exactly without stars',
    pattern: { f: [{ wildcard: 'abc' }] },
    event: { f: 'abc' },
    expected: true,
  },
  {
    name: 'does not match a longer value without stars',
    pattern: { f: [{ wildcard: 'abc' }] },
    event: { f: 'abcd' },
    expected: false,
  },
  {
    name: 'treats an escaped star literally',
    pattern: '{"f": [{"wildcard": "a\\\\*b"}]}',
    event: { f: 'a*b' },
    expected: true,
  },
  {
    name: 'does not let an escaped star match text',
    pattern: '{"f": [{"wildcard": "a\\\\*b"}]}',
    event: { f: 'axb' },
    expected: false,
  },
  {
    name: 'treats an escaped backslash literally',
    pattern: '{"f": [{"wildcard": "a\\\\\\\\*"}]}',
    event: '{"f": "a\\\\tail"}',
    expected: true,
  },
  {
    name: 'allows a wildcard after an escaped star',
    pattern: '{"f": [{"wildcard": "\\\\**"}]}',
    event: { f: '*rest' },
    expected: true,
  },
  {
    name: 'needs the escaped star at the start',
    pattern: '{"f": [{"wildcard": "\\\\**"}]}',
    event: { f: 'rest' },
    expected: false,
  },
  {
    name: 'matches a path with one star',
    pattern: { FileName: [{ wildcard: '/Users/*/doc.txt' }] },
    event: { FileName: '/Users/u/dir/dir/doc.txt' },
    expected: true,
  },
  {
    name: 'fails a path with the wrong file',
    pattern: { FileName: [{ wildcard: '/Users/*/doc.txt' }] },
    event: { FileName: '/Users/u/dir/notdoc.txt.bak' },
    expected: false,
  },
  {
    name: 'matches repeated segments after a star',
    pattern: { F: [{ wildcard: '/Users/*/dir/dir/doc.txt' }] },
    event: { F: '/Users/u/dir/dir/dir/dir/doc.txt' },
    expected: true,
  },
  {
    name: 'fails repeated segments that break off',
    pattern: { F: [{ wildcard: '/Users/*/dir/dir/doc.txt' }] },
    event: { F: '/Users/u/dir/other/doc.txt' },
    expected: false,
  },
  {
    name: 'matches an event bus ARN',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus' },
    expected: true,
  },
  {
    name: 'matches code points beyond the BMP',
    pattern: { f: [{ wildcard: '*🚀' }] },
    event: { f: 'launch 🚀' },
    expected: true,
  },
  { name: 'never matches numbers', pattern: { f: [{ wildcard: '1*' }] }, event: { f: 12 }, expected: false },
  { name: 'never matches null', pattern: { f: [{ wildcard: '*' }] }, event: { f: null }, expected: false },
  { name: 'never matches a missing field', pattern: { f: [{ wildcard: '*' }] }, event: {}, expected: false },
  {
    name: 'matches any element of an event array',
    pattern: { f: [{ wildcard: 'b*' }] },
    event: { f: ['a1', 'b2'] },
    expected: true,
  },
  {
    name: 'matches a trailing star',
    pattern: { f: [{ wildcard: 'a*' }] },
    event: { f: 'a' },
    expected: true,
  },
  {
    name: 'matches stars on both sides of a letter',
    pattern: { f: [{ wildcard: '*a*' }] },
    event: { f: 'bab' },
    expected: true,
  },
  {
    name: 'fails stars around a missing letter',
    pattern: { f: [{ wildcard: '*a*' }] },
    event: { f: 'bbb' },
    expected: false,
  },
];

describe('string operators', () => {
  describe('prefix', () => itMatchesCases(prefix));
  describe('prefix with equals-ignore-case', () => itMatchesCases(prefixIgnoreCase));
  describe('suffix', () => itMatchesCases(suffix));
  describe('suffix with equals-ignore-case', () => itMatchesCases(suffixIgnoreCase));
  describe('equals-ignore-case', () => itMatchesCases(equalsIgnoreCase));
  describe('wildcard', () => itMatchesCases(wildcard));
});
