import { describe, expect, it } from 'vitest';
import { ConsentAlreadyRevokedError, ConsentIncompleteError } from './consent-errors';

describe('consent errors', () => {
  it('list missing discussion items as request fields', () => {
    const error = new ConsentIncompleteError(['rightToStopAnyTime']);
    expect(error.problemType).toBe('validation-failed');
    expect(error.fields).toEqual([{ path: 'rightToStopAnyTime', code: 'must_be_true' }]);
  });

  it('keep ids out of the detail a caller reads', () => {
    const error = new ConsentAlreadyRevokedError('01JD3Y7T5V0M3Q8W9X2Z4A6B8E');
    expect(error.problemType).toBe('conflict');
    expect(error.message).not.toContain('01JD3Y7T5V0M3Q8W9X2Z4A6B8E');
  });
});
