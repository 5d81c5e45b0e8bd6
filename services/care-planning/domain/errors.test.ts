import { describe, expect, it } from 'vitest';
import {
  AssessmentIncompleteError,
  CarePlanIncompleteError,
  CareTeamChangeError,
  DomainError,
  ForbiddenChangeError,
  InvalidInputError,
  InvalidTransitionError,
  InvariantViolationError,
  VersionConflictError,
} from './errors';

describe('domain errors', () => {
  it.each([
    [
      new InvalidInputError('case input', ['patientId: invalid_format']),
      'InvalidInputError',
      'invalid-input',
    ],
    [new InvalidTransitionError('closed', 'activate'), 'InvalidTransitionError', 'invalid-transition'],
    [new CareTeamChangeError('case-closed'), 'CareTeamChangeError', 'care-team-change-refused'],
    [new CarePlanIncompleteError(['prognosis']), 'CarePlanIncompleteError', 'care-plan-incomplete'],
    [new ForbiddenChangeError(['prognosis']), 'ForbiddenChangeError', 'forbidden-change'],
    [new VersionConflictError(1, 2), 'VersionConflictError', 'version-conflict'],
    [new AssessmentIncompleteError(['medical']), 'AssessmentIncompleteError', 'assessment-incomplete'],
    [new InvariantViolationError('x'), 'InvariantViolationError', 'invariant-violation'],
  ])('%s carries a stable name and code and is a DomainError', (error, name, code) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('underlying');
    expect(new InvalidInputError('x', [], { cause }).cause).toBe(cause);
  });

  it('lists every refused field in a forbidden change', () => {
    const error = new ForbiddenChangeError(['prognosis', 'goals[g1].owner']);
    expect(error.fields).toEqual(['prognosis', 'goals[g1].owner']);
    expect(error.message).toContain('prognosis');
    expect(error.message).toContain('goals[g1].owner');
  });
});
