import { describe, expect, it } from 'vitest';
import { isPlainJson } from './parse-request';

describe('JSON request bodies', () => {
  it.each([
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
  ])('accepts %s', (type) => {
    expect(isPlainJson(type)).toBe(true);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/merge-patch+json',
    'application/fhir+json',
    'text/plain',
    '',
    undefined,
  ])('refuses %s', (type) => {
    expect(isPlainJson(type)).toBe(false);
  });
});
