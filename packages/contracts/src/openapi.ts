import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { Problem, problemTypes } from './problem';
import type { RouteContract } from './route-contract';

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

const commonProblems = {
  400: problemResponse(problemTypes['malformed-request'].title),
  401: problemResponse(problemTypes.unauthorized.title),
  403: problemResponse(problemTypes.forbidden.title),
  415: problemResponse(problemTypes['unsupported-media-type'].title),
  422: problemResponse(problemTypes['validation-failed'].title),
  429: problemResponse(problemTypes['too-many-requests'].title),
  500: problemResponse(problemTypes.internal.title),
};

function operation(route: RouteContract): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodType> = {};
  if (route.idempotent) {
    headers['idempotency-key'] = z.string().min(8).max(128).meta({
      description: 'Unique per create; a replay returns the first response',
      example: '8e0f4a2c-6b1d-4f7e-9a51-3c2d1e0f9b8a',
    });
  }
  if (route.requiresIfMatch) {
    headers['if-match'] = z
      .string()
      .meta({ description: 'The version (ETag) you last read', example: '"3"' });
  }
  const responses: Record<string, unknown> = { ...commonProblems };
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }
        : {}),
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
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
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
        oauth2: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: allScopes } },
        },
      },
    },
    paths: paths as ZodOpenApiPathsObject,
  });
}
