import * as z from 'zod/mini';
import { Ulid } from '../../primitives';
import { Problem, type ProblemType, problemTypes } from '../../problem';

export const tag = 'Eligibility';

const problemStatus: Record<number, ProblemType> = {
  404: 'not-found',
  409: 'conflict',
  422: 'validation-failed',
};

/** Problem responses a route documents beyond the common ones. */
export function problemResponses(...statuses: (404 | 409 | 422)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemTypes[problemStatus[status] ?? 'not-found'].title,
        schema: Problem,
        contentType: 'application/problem+json',
      },
    ]),
  );
}

export const PatientParams = z.object({ patientId: Ulid });
