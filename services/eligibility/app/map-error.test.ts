import { InvalidInputError, NotFoundError, ValidationError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { ConsentsChangedError } from './errors';
import { mapError } from './map-error';

describe('mapError', () => {
  it('names request fields, not domain paths, for invalid consent input', () => {
    const mapped = mapError(
      new InvalidInputError('consent', [
        { path: 'billingPractitionerId', code: 'invalid' },
        { path: 'discussed.costSharingExplained', code: 'invalid' },
      ]),
    );
    expect(mapped).toBeInstanceOf(ValidationError);
    expect((mapped as ValidationError).fields.map((f) => f.path)).toEqual([
      'billingPractitionerNpi',
      'costSharingExplained',
    ]);
  });

  it('leaves errors that name their own problem alone', () => {
    expect(mapError(new NotFoundError('Patient'))).toBeUndefined();
    expect(mapError(new ConsentsChangedError())).toBeUndefined();
    expect(mapError(new Error('boom'))).toBeUndefined();
  });
});
