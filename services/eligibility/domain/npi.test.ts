import { describe, expect, it } from 'vitest';
import { isValidNpi } from './npi';

describe('isValidNpi', () => {
  it.each([
    ['1234567893', true],
    ['1234567802', true],
    ['1234567890', false],
    ['123456789', false],
    ['12345678930', false],
    ['12345678a3', false],
  ])('%s -> %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });
});
