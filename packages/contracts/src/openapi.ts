import * as z from 'zod/mini';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { withMeta } from './meta';
import { oauthTokenOperation } from './oauth-token';
import { Problem, problemTypes } from './problem';
import type { ResponseContract, RouteContract } from './route-contract';

const problemResponse = (description: string) => ({
  description,
  headers: { 'x-correlation-id': correlationHeader },
  content: { 'application/problem+json': { schema: Problem } },
});

const correlationHeader = {
  description: 'Echoes a well-formed X-Correlation-Id from the request, or a new one; quote it to support',
  schema: { type: 'string' },
};

const header = (description: string) => ({ description, schema: { type: 'string' } });

/**
 * The problems a route can answer with, derived from what it takes: every route authenticates and
 * may be throttled or fail; a body can be malformed, too large, of another media type or invalid;
 * a path id can name nothing; If-Match can be missing or stale; an Idempotency-Key can be reused.
 */
function standardProblems(route: RouteContract): Record<number, string> {
  const problems: Record<number, string> = {
    401: problemTypes.unauthorized.title,
    403: problemTypes.forbidden.title,
    429: problemTypes['too-many-requests'].title,
    500: problemTypes.internal.title,
    503: problemTypes.unavailable.title,
  };
  if (route.body) {
    problems[400] = problemTypes['malformed-request'].title;
    problems[413] = problemTypes['payload-too-large'].title;
    problems[415] = problemTypes['unsupported-media-type'].title;
  }
  if (route.body || route.query || route.params) problems[422] = problemTypes['validation-failed'].title;
  if (route.params) problems[404] = problemTypes['not-found'].title;
  if (route.requiresIfMatch) {
    problems[412] = problemTypes['precondition-failed'].title;
    problems[428] = problemTypes['precondition-required'].title;
  }
  if (route.idempotent) {
    problems[409] = problemTypes.conflict.title;
    problems[422] = `${problems[422] ?? problemTypes['validation-failed'].title}, or ${problemTypes['idempotency-key-reused'].title.toLowerCase()}`;
  }
  return problems;
}

/**
 * Success headers: the correlation id always, what the route declares, the create/replay ones, and
 * the ETag on every route of a resource that takes If-Match (its reads and writes carry the version).
 */
function successHeaders(
  route: RouteContract,
  status: number,
  response: ResponseContract,
  versioned: boolean,
) {
  return {
    'x-correlation-id': correlationHeader,
    ...(versioned ? { etag: header('The version, strong (e.g. `"3"`); send it back as If-Match') } : {}),
    ...Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, text]) => [name, header(text)])),
    ...(status === 201 && !response.headers?.location
      ? { location: header('The URL of what was created') }
      : {}),
    ...(route.idempotent
      ? { 'idempotent-replayed': header('`true` when this is the stored answer to an earlier request') }
      : {}),
  };
}

function operation(route: RouteContract, versionedPaths: ReadonlySet<string>): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodMiniType> = {};
  if (route.idempotent) {
    headers['idempotency-key'] = withMeta(z.string().check(z.minLength(8), z.maxLength(128)), {
      description: 'Unique per create; a replay returns the first response',
      example: '8e0f4a2c-6b1d-4f7e-9a51-3c2d1e0f9b8a',
    });
  }
  if (route.requiresIfMatch) {
    headers['if-match'] = withMeta(z.string(), {
      description: 'The version (ETag) you last read',
      example: '"3"',
    });
  }
  const responses: Record<string, unknown> = Object.fromEntries(
    Object.entries(standardProblems(route)).map(([status, title]) => [status, problemResponse(title)]),
  );
  for (const [key, response] of Object.entries(route.responses)) {
    const status = Number(key);
    if (status >= 400) {
      // The route's own words for the case; the body is the same problem document.
      responses[key] = problemResponse(response.description);
      continue;
    }
    const content = {
      ...(response.schema
        ? { [response.contentType ?? 'application/json']: { schema: response.schema } }
        : {}),
      ...Object.fromEntries(
        Object.entries(response.alternatives ?? {}).map(([type, schema]) => [type, { schema }]),
      ),
    };
    responses[key] = {
      description: response.description,
      headers: successHeaders(route, status, response, versionedPaths.has(route.path)),
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: [{ oauth2: [...route.scopes] }],
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(Object.keys(headers).length > 0 ? { header: z.object(headers) } : {}),
    },
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    responses: responses as ZodOpenApiOperationObject['responses'],
  };
}

const localServer = { url: 'http://localhost:3000', description: 'Local cloud (npm start)' };

/** The OpenAPI 3.1 document of the API, generated from the route contracts. */
export function buildOpenApiDocument(
  routes: readonly RouteContract[],
  servers: readonly { url: string; description?: string }[] = [localServer],
) {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  const versionedPaths = new Set(routes.filter((route) => route.requiresIfMatch).map((route) => route.path));
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation(route, versionedPaths),
    };
  }
  const allScopes = Object.fromEntries(
    [...new Set(routes.flatMap((r) => r.scopes))].sort().map((scope) => [scope, `Grants ${scope}`]),
  );
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Carelink API',
      version: '1.0.0',
      description:
        'Referrals from health-plan partners, eligibility, care plans, outreach and billing for case ' +
        'management and Medicare chronic care management. Errors are RFC 9457 problem+json.',
    },
    servers: [...servers],
    components: {
      schemas: { Problem },
      securitySchemes: {
        clientSecretBasic: { type: 'http', scheme: 'basic', description: 'OAuth client id and secret' },
        oauth2: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: allScopes } },
        },
      },
    },
    paths: { '/oauth2/token': { post: oauthTokenOperation }, ...paths } as ZodOpenApiPathsObject,
  });
}
