import { DomainError } from '@carelink/lambda-kit';
import { describe, expect, it } from 'vitest';
import {
  CarePlanIncompleteError,
  ForbiddenChangeError,
  InvalidInputError,
  VersionConflictError,
} from '../domain/errors';
import { mapError } from './map-error';

const mapped = (error: unknown) => {
  const result = mapError(error);
  if (!(result instanceof DomainError)) throw new Error('not mapped');
  return result;
};

describe('mapError', () => {
  it('lists every missing CMS element as a 422 field', () => {
    const error = mapped(new CarePlanIncompleteError(['prognosis', 'periodic-review']));
    expect(error.problemType).toBe('validation-failed');
    expect(error.fields).toEqual([
      { path: 'prognosis', code: 'missing-element' },
      { path: 'periodic-review', code: 'missing-element' },
    ]);
  });

  it('turns refused plan fields into a 403 listing them', () => {
    const error = mapped(new ForbiddenChangeError(['goals.g-a1c.description']));
    expect(error.problemType).toBe('forbidden');
    expect(error.fields).toEqual([{ path: 'goals.g-a1c.description', code: 'not-owner' }]);
  });

  it('maps a stale version to 412', () => {
    expect(mapped(new VersionConflictError(1, 2)).problemType).toBe('precondition-failed');
  });

  it('keeps invalid input paths and codes but no values', () => {
    const error = mapped(new InvalidInputError('care plan', ['goals.0.problemIds: custom']));
    expect(error.fields).toEqual([{ path: 'goals.0.problemIds', code: 'custom' }]);
  });

  it('leaves unknown errors alone', () => {
    expect(mapError(new Error('boom'))).toBeUndefined();
  });
});
