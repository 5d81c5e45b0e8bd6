import { ConflictError, NotFoundError, ValidationError } from '@carelink/lambda-kit';
import { describe, expect, it } from 'vitest';
import { ConsentsChangedError, PatientNotFoundError } from './application/errors';
import { ConsentAlreadyRevokedError, ConsentIncompleteError, InvalidInputError } from './domain';
import { mapError } from './errors';

describe('mapError', () => {
  it('lists missing discussion items as request fields', () => {
    const mapped = mapError(new ConsentIncompleteError(['rightToStopAnyTime']));
    expect(mapped).toBeInstanceOf(ValidationError);
    expect((mapped as ValidationError).fields).toEqual([
      { path: 'rightToStopAnyTime', code: 'must_be_true' },
    ]);
  });

  it('names request fields, not domain paths, for invalid consent input', () => {
    const mapped = mapError(
      new InvalidInputError('consent', ['billingPractitionerId', 'discussed.costSharingExplained']),
    );
    expect((mapped as ValidationError).fields.map((f) => f.path)).toEqual([
      'billingPractitionerNpi',
      'costSharingExplained',
    ]);
  });

  it.each([
    [new PatientNotFoundError(), NotFoundError],
    [new ConsentAlreadyRevokedError('01JD3Y7T5V0M3Q8W9X2Z4A6B8E'), ConflictError],
    [new ConsentsChangedError(), ConflictError],
  ])('maps %s', (error, type) => {
    const mapped = mapError(error);
    expect(mapped).toBeInstanceOf(type);
    expect((mapped as ConflictError).message).not.toContain('01JD3Y7T5V0M3Q8W9X2Z4A6B8E');
  });

  it('leaves unknown errors to the 500 path', () => {
    expect(mapError(new Error('boom'))).toBeUndefined();
  });
});
