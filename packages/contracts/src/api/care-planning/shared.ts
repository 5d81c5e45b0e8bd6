import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Ulid } from '../../primitives';

export const tag = 'care-planning';
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A staff member's id in the practice roster (also the subject of their access token). */
export const StaffId = withMeta(
  z.string().check(z.regex(/^[A-Za-z0-9.-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 . -')),
  { example: 'staff-boston-care-manager' },
);

export const CaseIdParams = z.object({ caseId: Ulid });
