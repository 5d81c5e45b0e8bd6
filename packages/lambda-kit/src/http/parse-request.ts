import { type RouteContract, safeIssuePath } from '@carelink/contracts';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { type FieldIssue, HttpProblem, ValidationError } from '../errors';

// zod/mini loads no locale, so every issue would read "Invalid input"; the field messages of a
// problem body are the English ones ("Too small: expected string to have >=1 characters").
z.config(en());

/** API Gateway's payload limit is 10 MB; Carelink accepts at most 256 KB per request body. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ParsedRequest {
  params: unknown;
  query: unknown;
  body: unknown;
}

function issues(prefix: string, error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, safeIssuePath(issue.path)].filter(Boolean).join('.'),
    code: issue.code,
    // zod messages describe the expectation ("Invalid email address"), not the submitted value;
    // the one exception names unknown keys, which the sender chose, so it is replaced.
    message: issue.code === 'unrecognized_keys' ? 'Unknown fields are not accepted' : issue.message,
  }));
}

function parsePart(
  schema: z.ZodMiniType | undefined,
  value: unknown,
  prefix: string,
  found: FieldIssue[],
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  found.push(...issues(prefix, result.error));
  return undefined;
}

/**
 * Only `application/json`, optionally declaring UTF-8: other JSON-based types carry other semantics
 * (a merge patch is not a document) and other charsets would be decoded wrongly.
 */
export function isPlainJson(contentType: string | undefined): boolean {
  const [type, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

function decodeBody(event: Pick<APIGatewayProxyEvent, 'body' | 'isBase64Encoded' | 'headers'>): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new HttpProblem('payload-too-large', `The body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  if (!isPlainJson(event.headers?.['content-type'])) {
    throw new HttpProblem('unsupported-media-type', 'Send the body as application/json (UTF-8)');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem('malformed-request', 'The body is not valid JSON');
  }
}

/**
 * Validates path, query and body against the route contract. Every failing field is reported at once
 * by path and code; submitted values are never echoed.
 */
export function parseRequest(
  route: RouteContract,
  event: Pick<
    APIGatewayProxyEvent,
    'body' | 'isBase64Encoded' | 'headers' | 'pathParameters' | 'queryStringParameters'
  >,
): ParsedRequest {
  const found: FieldIssue[] = [];
  const params = parsePart(route.params, event.pathParameters ?? {}, 'path', found);
  const query = parsePart(route.query, event.queryStringParameters ?? {}, 'query', found);
  let body: unknown;
  if (route.body) {
    body = parsePart(route.body, decodeBody(event), '', found);
  } else if (event.body && route.method !== 'GET' && route.method !== 'DELETE') {
    // A body on a route that takes none is ignored, as API Gateway would pass it through unused.
    body = undefined;
  }
  if (found.length > 0) throw new ValidationError('The request is not valid', found);
  return { params, query, body };
}
