import { ConflictError, ValidationError } from '@carelink/lambda-kit';
import { describe, expect, it } from 'vitest';
import { FutureTimeEntryError, InvalidInputError, TimeEntryOverlapError } from './domain';
import { mapError } from './errors';

describe('outreach error mapping', () => {
  it('maps invalid input to 422 with field paths and codes only', () => {
    const mapped = mapError(
      new InvalidInputError('vital observation', [{ path: 'value', reason: 'too_big' }]),
    );
    expect(mapped).toBeInstanceOf(ValidationError);
    expect((mapped as ValidationError).fields).toEqual([{ path: 'value', code: 'too_big' }]);
  });

  it('maps a future entry to 422 on startedAt and an overlap to 409 naming the entry', () => {
    expect((mapError(new FutureTimeEntryError()) as ValidationError).fields[0]?.path).toBe('startedAt');
    const overlap = mapError(new TimeEntryOverlapError('01JD3Y7T5V0M3Q8W9X2Z4A6B8J'));
    expect(overlap).toBeInstanceOf(ConflictError);
    expect((overlap as ConflictError).message).toContain('01JD3Y7T5V0M3Q8W9X2Z4A6B8J');
  });

  it('leaves unknown errors alone', () => {
    expect(mapError(new Error('boom'))).toBeUndefined();
  });
});
