import { describe, expect, it } from 'vitest';
import { buildPrefixIndex } from './prefix-index';

describe('buildPrefixIndex', () => {
  const index = buildPrefixIndex([
    ['A1', 'short'],
    ['A12', 'long'],
    ['B.2', 'dotted'],
  ]);

  it.each([
    ['A19', 'short'],
    ['A123', 'long'],
    ['A12', 'long'],
    ['B2', 'dotted'],
    ['A2', undefined],
    ['A', undefined],
  ])('matches %s to %s by longest prefix', (code, expected) => {
    expect(index.match(code)).toBe(expected);
  });

  it('refuses duplicate prefixes, including dotted spellings', () => {
    expect(() =>
      buildPrefixIndex([
        ['E11', 1],
        ['E1.1', 2],
      ]),
    ).toThrow(/Duplicate/);
  });
});
