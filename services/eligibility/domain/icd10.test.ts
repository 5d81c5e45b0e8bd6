import { isIcd10CmCode } from '@carelink/contracts';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDiagnosisCodeError, normalizeIcd10CmCode } from './icd10';

describe('ICD-10-CM validation', () => {
  it.each([
    ['E11.9', 'E119'],
    ['e11.9', 'E119'],
    ['E119', 'E119'],
    ['I10', 'I10'],
    ['C4A.0', 'C4A0'],
    ['S72.001A', 'S72001A'],
    ['T36.0X1A', 'T360X1A'],
    [' j44.1 ', 'J441'],
  ])('accepts %s as %s', (code, canonical) => {
    expect(isIcd10CmCode(code)).toBe(true);
    expect(normalizeIcd10CmCode(code)).toBe(canonical);
  });

  it.each([
    ['', 'empty'],
    ['E1', 'too short'],
    ['E11.', 'trailing dot'],
    ['E1.19', 'dot in the wrong place'],
    ['11.9', 'no leading letter'],
    ['EE1.9', 'second character not a digit'],
    ['E11.90000', 'too long'],
    ['E11-9', 'wrong separator'],
    ['250.00', 'ICD-9 code'],
  ])('rejects %j (%s)', (code) => {
    expect(isIcd10CmCode(code)).toBe(false);
    expect(() => normalizeIcd10CmCode(code)).toThrow(InvalidDiagnosisCodeError);
  });

  it('keeps the code out of the error message', () => {
    try {
      normalizeIcd10CmCode('Z99.99999');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDiagnosisCodeError);
      expect((error as InvalidDiagnosisCodeError).code).toBe('INVALID_DIAGNOSIS_CODE');
      expect((error as Error).name).toBe('InvalidDiagnosisCodeError');
      expect((error as Error).message).not.toContain('Z99');
    }
  });

  it('normalizes dotted and undotted spellings of any code to the same value', () => {
    const code = fc
      .tuple(
        // U is reserved for emergency use and not part of the accepted grammar.
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTVWXYZ'),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...'0123456789AB'),
        fc.string({ unit: fc.constantFrom(...'0123456789XA'), minLength: 1, maxLength: 4 }),
      )
      .map(([letter, digit, third, rest]) => ({ head: `${letter}${digit}${third}`, rest }));
    fc.assert(
      fc.property(code, ({ head, rest }) => {
        expect(normalizeIcd10CmCode(`${head}.${rest}`)).toBe(
          normalizeIcd10CmCode(`${head}${rest}`.toLowerCase()),
        );
      }),
    );
  });
});
