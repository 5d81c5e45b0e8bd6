import { DomainError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  FutureTimeEntryError,
  IllegalReferralTransitionError,
  InvalidInputError,
  TimeEntryAlreadyVoidedError,
  TimeEntryOverlapError,
} from './errors';
import { parseOrThrow } from './validation';

describe('domain errors', () => {
  it.each([
    [new FutureTimeEntryError(), 'FutureTimeEntryError', 'TIME_ENTRY_IN_FUTURE'],
    [new TimeEntryOverlapError('te-1'), 'TimeEntryOverlapError', 'TIME_ENTRY_OVERLAP'],
    [new TimeEntryAlreadyVoidedError('te-1'), 'TimeEntryAlreadyVoidedError', 'TIME_ENTRY_ALREADY_VOIDED'],
    [
      new IllegalReferralTransitionError('sent', 'completed'),
      'IllegalReferralTransitionError',
      'ILLEGAL_REFERRAL_TRANSITION',
    ],
    [new InvalidInputError('thing', []), 'InvalidInputError', 'invalid-input'],
  ])('%s has a stable name and code', (error, name, code) => {
    expect(error.problemType).toMatch(/^(validation-failed|conflict)$/);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('reports invalid input by field path and rule, never by value', () => {
    const schema = z.object({ phone: z.string().regex(/^\+1\d{10}$/), birthDate: z.iso.date() }).strict();
    try {
      parseOrThrow(schema, { phone: '555-867-5309', birthDate: '1948-13-40' }, 'patient contact');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      const invalid = error as InvalidInputError;
      expect(invalid.fields.map((field) => field.path)).toEqual(['phone', 'birthDate']);
      const serialised = `${invalid.message} ${JSON.stringify(invalid.fields)}`;
      expect(serialised).not.toContain('867');
      expect(serialised).not.toContain('1948');
    }
  });

  it('names the field of a future entry and the entry an overlap collides with', () => {
    expect(new FutureTimeEntryError().fields).toEqual([{ path: 'startedAt', code: 'in_future' }]);
    const overlap = new TimeEntryOverlapError('01JD3Y7T5V0M3Q8W9X2Z4A6B8J');
    expect(overlap.problemType).toBe('conflict');
    expect(overlap.message).toContain('01JD3Y7T5V0M3Q8W9X2Z4A6B8J');
    expect(new InvalidInputError('vital observation', [{ path: 'value', code: 'too_big' }]).fields).toEqual([
      { path: 'value', code: 'too_big' },
    ]);
  });
});
