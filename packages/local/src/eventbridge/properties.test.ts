import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLeaf, isRecord } from './json';
import { compilePattern, matchesPattern } from './pattern';

const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const text = fc.string({ maxLength: 12 });
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const { event } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 4 }), tie('event')),
  event: fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 4 }),
}));

/** A pattern that names every leaf of the event with its own value(s). */
function patternFromLeaves(source: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const pattern: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    if (isLeaf(value)) pattern[name] = [value];
    else if (Array.isArray(value) && value.length > 0) pattern[name] = [...value];
    else if (isRecord(value)) {
      const nested = patternFromLeaves(value);
      if (Object.keys(nested).length > 0) pattern[name] = nested;
    }
  }
  return pattern;
}

function usable(pattern: Record<string, unknown>): boolean {
  return Object.keys(pattern).length > 0 && JSON.stringify(pattern).length <= 4096;
}

// IP literals compare by address in exact matches but by text in anything-but, so keep them out here.
const notAnAddress = text.filter((value) => !/[.:]/.test(value));
const excludable = fc.oneof(notAnAddress, number);
const literal = text.filter((value) => !/[*\\]/.test(value));

describe('properties', () => {
  it('matches an event against a pattern built from its own leaf values', () => {
    fc.assert(
      fc.property(event, (generated) => {
        const pattern = patternFromLeaves(generated);
        fc.pre(usable(pattern));
        expect(matchesPattern(pattern, generated)).toBe(true);
      }),
    );
  });

  it('gives the same answer for JSON text as for parsed objects', () => {
    fc.assert(
      fc.property(event, event, (source, other) => {
        const pattern = patternFromLeaves(source);
        fc.pre(usable(pattern));
        expect(matchesPattern(JSON.stringify(pattern), JSON.stringify(other))).toBe(
          matchesPattern(pattern, other),
        );
      }),
    );
  });

  it('makes anything-but [x] the negation of [x] for a present scalar field', () => {
    fc.assert(
      fc.property(
        excludable,
        fc.oneof(excludable, fc.boolean(), fc.constant(null)),
        fc.boolean(),
        (x, other, same) => {
          const subject = { detail: { field: same ? x : other } };
          const included = matchesPattern({ detail: { field: [x] } }, subject);
          const excluded = matchesPattern({ detail: { field: [{ 'anything-but': x }] } }, subject);
          expect(excluded).toBe(!included);
        },
      ),
    );
  });

  it('makes a leading wildcard behave like suffix and a trailing one like prefix', () => {
    fc.assert(
      fc.property(literal, text, text, (affix, before, after) => {
        for (const value of [before, `${before}${affix}`, `${affix}${after}`, affix]) {
          const subject = { s: value };
          expect(matchesPattern({ s: [{ wildcard: `*${affix}` }] }, subject)).toBe(
            matchesPattern({ s: [{ suffix: affix }] }, subject),
          );
          expect(matchesPattern({ s: [{ wildcard: `${affix}*` }] }, subject)).toBe(
            matchesPattern({ s: [{ prefix: affix }] }, subject),
          );
        }
      }),
    );
  });

  it('matches a string with equals-ignore-case in any ASCII casing', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{0,16}$/), (value) => {
        const rule = compilePattern({ s: [{ 'equals-ignore-case': value.toUpperCase() }] });
        expect(rule({ s: value.toLowerCase() })).toBe(true);
      }),
    );
  });

  it('agrees between numeric = and an exact number', () => {
    fc.assert(
      fc.property(number, number, fc.boolean(), (n, other, same) => {
        const subject = { n: same ? n : other };
        expect(matchesPattern({ n: [{ numeric: ['=', n] }] }, subject)).toBe(
          matchesPattern({ n: [n] }, subject),
        );
      }),
    );
  });

  it('matches a numeric range exactly when the value lies between its bounds', () => {
    fc.assert(
      fc.property(number, number, number, (a, b, value) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const rule = compilePattern({ n: [{ numeric: ['>=', low, '<', high] }] });
        expect(rule({ n: value })).toBe(low <= value && value < high);
      }),
    );
  });

  it('puts every IPv4 address inside any CIDR block built from it', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 31 }), (octets, bits) => {
        const address = octets.join('.');
        expect(matchesPattern({ ip: [{ cidr: `${address}/${bits}` }] }, { ip: address })).toBe(true);
      }),
    );
  });

  it('makes exists true and exists false mutually exclusive for scalar or missing fields', () => {
    fc.assert(
      fc.property(fc.option(scalar, { nil: undefined }), (value) => {
        const subject = value === undefined ? {} : { f: value };
        const present = matchesPattern({ f: [{ exists: true }] }, subject);
        const absent = matchesPattern({ f: [{ exists: false }] }, subject);
        expect(present).toBe(!absent);
        expect(present).toBe(value !== undefined);
      }),
    );
  });
});
