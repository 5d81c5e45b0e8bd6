import { describe } from 'vitest';
import { itMatchesCases, type MatchCase } from './test-support';

const metric = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};

const topLevel: MatchCase[] = [
  {
    name: 'matches through the first branch',
    pattern: metric,
    event: { source: 'aws.cloudwatch', metricName: 'ReadLatency' },
    expected: true,
  },
  {
    name: 'matches through the second branch',
    pattern: metric,
    event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' },
    expected: true,
  },
  {
    name: 'fails when no branch matches',
    pattern: metric,
    event: { source: 'aws.cloudwatch', namespace: 'AWS/S3' },
    expected: false,
  },
  {
    name: 'still requires the fields outside $or',
    pattern: metric,
    event: { source: 'aws.ec2', metricName: 'ReadLatency' },
    expected: false,
  },
  {
    name: 'matches an and inside a branch',
    pattern: { $or: [{ a: [1] }, { b: [2], c: [3] }] },
    event: { b: 2, c: 3 },
    expected: true,
  },
  {
    name: 'fails a branch whose and is incomplete',
    pattern: { $or: [{ a: [1] }, { b: [2], c: [3] }] },
    event: { b: 2, c: 4 },
    expected: false,
  },
  {
    name: 'matches with three branches',
    pattern: { $or: [{ a: [1] }, { b: [2] }, { c: [{ prefix: 'x' }] }] },
    event: { c: 'xyz' },
    expected: true,
  },
];

const parallel = {
  $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
  detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
};

const nested: MatchCase[] = [
  {
    name: 'matches an $or inside a nested object',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: { detail: { 'c-count': 0, 'd-count': 0, 'x-limit': 901.8 } },
    expected: true,
  },
  {
    name: 'fails an $or inside a nested object when no branch matches',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: { detail: { 'c-count': 0, 'd-count': 10, 'x-limit': 901.8 } },
    expected: false,
  },
  {
    name: 'matches two parallel $or groups',
    pattern: parallel,
    event: { namespace: 'AWS/EC2', detail: { source: 'aws.cloudwatch' } },
    expected: true,
  },
  {
    name: 'fails when one parallel group has no match',
    pattern: parallel,
    event: { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } },
    expected: false,
  },
  {
    name: 'matches an $or nested inside an $or branch',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 },
    expected: true,
  },
  {
    name: 'fails an $or nested inside an $or branch when the inner group misses',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1 },
    expected: false,
  },
  {
    name: 'matches branches that reach into nested objects',
    pattern: { $or: [{ detail: { state: ['on'] } }, { detail: { level: [{ numeric: ['>', 3] }] } }] },
    event: { detail: { state: 'off', level: 4 } },
    expected: true,
  },
  {
    name: 'matches an exists false branch',
    pattern: { $or: [{ a: ['x'] }, { b: [{ exists: false }] }] },
    event: { a: 'y' },
    expected: true,
  },
  {
    name: 'fails an exists false branch when the field is present',
    pattern: { $or: [{ a: ['x'] }, { b: [{ exists: false }] }] },
    event: { a: 'y', b: 1 },
    expected: false,
  },
];

const withArrays: MatchCase[] = [
  {
    name: 'evaluates an $or inside an array of objects per element',
    pattern: { items: { $or: [{ a: [1] }, { b: [2] }] } },
    event: { items: [{ c: 3 }, { b: 2 }] },
    expected: true,
  },
  {
    name: 'requires $or branches and sibling fields from the same element',
    pattern: { items: { kind: ['x'], $or: [{ a: [1] }, { b: [2] }] } },
    event: { items: [{ kind: 'x' }, { a: 1 }] },
    expected: false,
  },
  {
    name: 'matches $or branches and sibling fields in one element',
    pattern: { items: { kind: ['x'], $or: [{ a: [1] }, { b: [2] }] } },
    event: {
      items: [
        { kind: 'y', a: 1 },
        { kind: 'x', b: 2 },
      ],
    },
    expected: true,
  },
];

describe('$or', () => {
  describe('at the top level', () => itMatchesCases(topLevel));
  describe('nested and parallel', () => itMatchesCases(nested));
  describe('inside arrays of objects', () => itMatchesCases(withArrays));
});
