import {
  ConflictError,
  ForbiddenError,
  PreconditionFailedError,
  ValidationError,
} from '@carelink/lambda-kit';
import {
  AssessmentIncompleteError,
  CarePlanIncompleteError,
  CareTeamChangeError,
  ForbiddenChangeError,
  InvalidInputError,
  InvalidTransitionError,
  VersionConflictError,
} from '../domain/errors';

const issueToField = (issue: string) => {
  const split = issue.lastIndexOf(': ');
  return split < 0
    ? { path: issue, code: 'invalid' }
    : { path: issue.slice(0, split), code: issue.slice(split + 2) };
};

/**
 * The one place care-planning's domain errors become HTTP problems. Details name fields, element
 * names and codes only, never submitted values.
 */
export function mapError(error: unknown): Error | undefined {
  if (error instanceof InvalidInputError)
    return new ValidationError(`Invalid ${error.subject}`, error.issues.map(issueToField));
  if (error instanceof CarePlanIncompleteError)
    return new ValidationError(
      'The care plan is missing required elements',
      error.missing.map((element) => ({ path: element, code: 'missing-element' })),
    );
  if (error instanceof AssessmentIncompleteError)
    return new ValidationError(
      'The assessment is missing sections',
      error.missing.map((section) => ({ path: `sections.${section}`, code: 'missing-section' })),
    );
  if (error instanceof ForbiddenChangeError)
    return new ForbiddenError(
      error.fields.length > 0
        ? 'You may not change these fields of the care plan'
        : 'Only the care team may change this care plan',
      error.fields.map((path) => ({ path, code: 'not-owner' })),
    );
  if (error instanceof VersionConflictError) return new PreconditionFailedError();
  if (error instanceof CareTeamChangeError)
    return new ConflictError(`Care team change refused: ${error.refusal}`);
  if (error instanceof InvalidTransitionError)
    return new ConflictError(`Cannot ${error.attempted} a case that is ${error.from}`);
  return undefined;
}
