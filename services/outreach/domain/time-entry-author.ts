import { DomainError, type FieldIssue, performerOf, type StaffCredential } from '@carelink/contracts';

/** Who logs time: a signed-in person (with a credential) or a tenant's machine client (without). */
export interface TimeAuthor {
  staffId: string;
  credential?: StaffCredential | undefined;
}

/** A person may log only their own time, counted as their credential says. */
export class TimeAuthorError extends DomainError {
  override readonly name = 'TimeAuthorError';
  readonly code = 'time-author';
  readonly problemType = 'validation-failed';
  constructor(fields: readonly FieldIssue[]) {
    super('A person logs their own time, counted as their credential says', { fields });
  }
}

/**
 * The fields of a time entry a signed-in person may not choose: the performer comes from their
 * credential (physician/QHP or clinical staff; none for non-clinical people) and the practitioner is
 * themselves. So clinical staff can never log physician minutes. A machine client (no credential)
 * is an integration recording someone's time and states both.
 */
export function timeAuthorIssues(
  author: TimeAuthor,
  entry: { performer: 'physician' | 'clinical-staff'; practitionerId: string },
): FieldIssue[] {
  if (author.credential === undefined) return [];
  const performer = performerOf(author.credential);
  const issues: FieldIssue[] = [];
  if (performer === null)
    issues.push({
      path: 'performer',
      code: 'no-clinical-credential',
      message: 'this credential logs no care time',
    });
  else if (entry.performer !== performer)
    issues.push({
      path: 'performer',
      code: 'performer-from-credential',
      message: `this credential logs ${performer} time`,
    });
  if (entry.practitionerId !== author.staffId)
    issues.push({ path: 'practitionerId', code: 'own-time-only', message: 'a person logs their own time' });
  return issues;
}
