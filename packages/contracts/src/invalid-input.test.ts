import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { InvalidInputError, parseOrThrow } from './invalid-input';

describe('parseOrThrow', () => {
  const Contact = z.object({ phone: z.string().regex(/^\+1\d{10}$/), birthDate: z.iso.date() }).strict();

  it('returns the parsed value', () => {
    expect(parseOrThrow(Contact, { phone: '+16175550123', birthDate: '1948-03-01' }, 'contact')).toEqual({
      phone: '+16175550123',
      birthDate: '1948-03-01',
    });
  });

  it('names every failing field and rule, never a submitted value', () => {
    let error: unknown;
    try {
      parseOrThrow(Contact, { phone: '555-867-5309', birthDate: '1948-13-40' }, 'patient contact');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const invalid = error as InvalidInputError;
    expect(invalid.problemType).toBe('validation-failed');
    expect(invalid.fields).toEqual([
      { path: 'phone', code: 'invalid_format' },
      { path: 'birthDate', code: 'invalid_format' },
    ]);
    expect(`${invalid.message} ${JSON.stringify(invalid.fields)}`).not.toMatch(/867|1948/);
  });

  it('calls a failure of the whole value (root)', () => {
    expect(() => parseOrThrow(Contact, 'nope', 'contact')).toThrow('Invalid contact: (root): invalid_type');
  });
});
