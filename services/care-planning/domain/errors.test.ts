import { DomainError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import {
  AssessmentIncompleteError,
  CarePlanIncompleteError,
  CareTeamChangeError,
  ForbiddenChangeError,
  InvalidInputError,
  InvalidTransitionError,
  InvariantViolationError,
  VersionConflictError,
} from './errors';

describe('domain errors', () => {
  it.each([
    [
      new InvalidInputError('case input', [{ path: 'patientId', code: 'invalid_format' }]),
      'InvalidInputError',
      'invalid-input',
    ],
    [new InvalidTransitionError('closed', 'activate'), 'InvalidTransitionError', 'invalid-transition'],
    [new CareTeamChangeError('case-closed'), 'CareTeamChangeError', 'care-team-change-refused'],
    [new CarePlanIncompleteError(['prognosis']), 'CarePlanIncompleteError', 'care-plan-incomplete'],
    [new ForbiddenChangeError(['prognosis']), 'ForbiddenChangeError', 'forbidden-change'],
    [new VersionConflictError(1, 2), 'VersionConflictError', 'version-conflict'],
    [new AssessmentIncompleteError(['medical']), 'AssessmentIncompleteError', 'assessment-incomplete'],
  ])('%s carries a stable name and code and is a DomainError', (error, name, code) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('treats a broken invariant as a bug, not an expected failure', () => {
    const error = new InvariantViolationError('x');
    expect(error).not.toBeInstanceOf(DomainError);
    expect(error.code).toBe('invariant-violation');
  });

  it('names each failing field with its code, never the submitted value', () => {
    expect(
      new InvalidInputError('case input', [{ path: 'patientId', code: 'invalid_format' }]).fields,
    ).toEqual([{ path: 'patientId', code: 'invalid_format' }]);
    expect(new CarePlanIncompleteError(['prognosis']).fields).toEqual([
      { path: 'prognosis', code: 'missing-element' },
    ]);
    expect(new AssessmentIncompleteError(['medical']).fields).toEqual([
      { path: 'sections.medical', code: 'missing-section' },
    ]);
    expect(new VersionConflictError(1, 2).problemType).toBe('precondition-failed');
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('underlying');
    expect(new InvalidInputError('x', [], { cause }).cause).toBe(cause);
  });

  it('lists every refused field in a forbidden change', () => {
    const error = new ForbiddenChangeError(['prognosis', 'goals[g1].owner']);
    expect(error.refusedFields).toEqual(['prognosis', 'goals[g1].owner']);
    expect(error.problemType).toBe('forbidden');
    expect(error.fields.map((field) => field.path)).toEqual(['prognosis', 'goals[g1].owner']);
  });
});
