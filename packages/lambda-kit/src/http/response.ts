import { type Problem, problem } from '@carelink/contracts';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { DomainError, HttpProblem } from '../errors';
import type { Commit } from '../outbox/commit';

/** What a handler answers: a status, a JSON body and headers. */
export interface HttpResponse<Body = unknown> {
  status: number;
  body?: Body;
  headers?: Record<string, string>;
}

/** A response plus the state change to commit before it is sent. */
export interface HttpResult<Body = unknown> extends HttpResponse<Body> {
  commit?: Commit;
  /**
   * The patient whose record this request read or wrote, for the audit trail, when the route has no
   * `{patientId}` path parameter (e.g. `/v1/referrals/{referralId}` or `/v1/cases/{caseId}`). A
   * `{patientId}` path parameter is recorded without it. Never sent to the caller.
   */
  auditPatientId?: string;
  /**
   * The tenant whose record a partner or the operator reached: the access is recorded in that
   * tenant's trail (a tenant caller's accesses are always recorded in its own).
   */
  auditTenantId?: string;
}

export const ok = <Body>(body: Body, headers?: Record<string, string>): HttpResult<Body> => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});

export const created = <Body>(location: string, body: Body, commit?: Commit): HttpResult<Body> => ({
  status: 201,
  body,
  headers: { location },
  ...(commit ? { commit } : {}),
});

/**
 * A body sent as-is rather than as JSON, e.g. a printable `text/html` page. The content type decides
 * how the body is serialised, so a handler never has to pre-encode it.
 */
export const text = (
  body: string,
  contentType: string,
  headers?: Record<string, string>,
): HttpResult<string> => ({
  status: 200,
  body,
  headers: { ...headers, 'content-type': contentType },
});

/** True when a response declares a content type other than JSON (its string body is sent verbatim). */
export function isRawBody(response: HttpResponse): response is HttpResponse & { body: string } {
  const contentType = response.headers?.['content-type'];
  return typeof response.body === 'string' && contentType !== undefined && !/\bjson\b/i.test(contentType);
}

/** Weak validators are not needed: versions are integers, quoted as strong ETags. */
export const etag = (version: number): string => `"${version}"`;

export function toApiGatewayResult(
  status: number,
  body: string,
  headers: Record<string, string>,
  contentType: string,
): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
    body,
  };
}

/** The problem+json document for an error; unknown errors become a 500 that says nothing more. */
export function problemFor(error: unknown, correlationId: string, instance?: string): Problem {
  if (error instanceof DomainError || error instanceof HttpProblem) {
    return problem(error.problemType, {
      detail: error.message,
      correlationId,
      ...(instance ? { instance } : {}),
      ...(error.fields.length > 0 ? { errors: [...error.fields] } : {}),
      ...(error instanceof DomainError && error.existing ? { existing: error.existing } : {}),
    });
  }
  return problem('internal', { correlationId, detail: 'Quote the correlation id when you contact support' });
}
