import * as z from 'zod/mini';
import { withMeta } from './meta';

/** Base of every problem `type` URI; the slug after it is stable and documented. */
export const problemTypeBase = 'https://carelink.dev/problems/';

/** The problem types Carelink answers with, each with its HTTP status and title. */
export const problemTypes = {
  'malformed-request': { status: 400, title: 'The request body is not valid JSON' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'The token does not allow this operation' },
  'not-found': { status: 404, title: 'No such resource' },
  'method-not-allowed': { status: 405, title: 'Method not allowed on this resource' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'precondition-failed': { status: 412, title: 'The resource changed since you read it' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'validation-failed': { status: 422, title: 'The request is not valid' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used with a different request' },
  'no-network-practice': {
    status: 422,
    title: "No practice in the partner's network takes this referral",
  },
  'precondition-required': { status: 428, title: 'This update needs an If-Match header' },
  'request-header-fields-too-large': { status: 431, title: 'The request headers are too large' },
  'too-many-requests': { status: 429, title: 'Slow down' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  unavailable: { status: 503, title: 'A dependency is unavailable; retry later' },
} as const;
export type ProblemType = keyof typeof problemTypes;

/** One failing field: its path and a code, never the submitted value. */
export const ProblemField = z.object({ path: z.string(), code: z.string(), message: z.optional(z.string()) });

/** RFC 9457 problem details as Carelink sends them. */
export const Problem = withMeta(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    correlationId: z.optional(z.string()),
    errors: z.optional(z.array(ProblemField)),
    existing: withMeta(z.optional(z.string()), { description: 'Location of the existing resource (409)' }),
  }),
  {
    id: 'Problem',
    example: {
      type: 'https://carelink.dev/problems/validation-failed',
      title: 'The request is not valid',
      status: 422,
      correlationId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8P',
      errors: [{ path: 'member.birthDate', code: 'invalid_format' }],
    },
  },
);
export type Problem = z.infer<typeof Problem>;

/** Builds a problem document of a known type. */
export function problem(type: ProblemType, extra: Omit<Partial<Problem>, 'type' | 'status'> = {}): Problem {
  const { status, title } = problemTypes[type];
  return { type: `${problemTypeBase}${type}`, title, status, ...extra };
}
