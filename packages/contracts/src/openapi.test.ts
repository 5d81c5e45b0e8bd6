import { describe, expect, it } from 'vitest';
import { apiRoutes } from './api';
import { buildOpenApiDocument } from './openapi';

type Response = { content?: Record<string, unknown>; headers?: Record<string, unknown> };
type Operation = { responses: Record<string, Response> };

const document = buildOpenApiDocument(apiRoutes) as unknown as {
  paths: Record<string, Record<string, Operation>>;
  servers: { url: string }[];
};
const operations = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ name: `${method} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  it('gives every error response a problem+json body and a correlation id', () => {
    const bare = operations.flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(
          ([, response]) =>
            !response.content?.['application/problem+json'] || !response.headers?.['x-correlation-id'],
        )
        .map(([status]) => `${name} ${status}`),
    );
    expect(bare).toEqual([]);
  });

  it('documents 413 wherever a body is accepted and 404 wherever a path names a resource', () => {
    for (const route of apiRoutes) {
      const responses = document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
      if (route.body) expect(responses, route.operationId).toHaveProperty('413');
      if (route.params) expect(responses, route.operationId).toHaveProperty('404');
    }
  });

  it('documents the ETag a client sends back as If-Match', () => {
    const read = document.paths['/v1/referrals/{referralId}']?.get?.responses['200'];
    expect(read?.headers).toHaveProperty('etag');
    for (const route of apiRoutes.filter((r) => r.requiresIfMatch)) {
      const ok = Object.entries(
        document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {},
      ).find(([status]) => status.startsWith('2'));
      expect(ok?.[1].headers, route.operationId).toHaveProperty('etag');
    }
  });

  it('declares the claim export formats it serves, and the token endpoint', () => {
    const claims = document.paths['/v1/billing/runs/{runId}/claims']?.get?.responses['200'];
    expect(Object.keys(claims?.content ?? {}).sort()).toEqual([
      'application/edi-x12',
      'application/fhir+json',
      'application/json',
      'text/csv',
    ]);
    expect(document.paths['/oauth2/token']?.post?.responses).toHaveProperty('401');
  });

  it('names the server it is given', () => {
    expect(buildOpenApiDocument(apiRoutes, [{ url: 'http://127.0.0.1:4123' }]).servers).toEqual([
      { url: 'http://127.0.0.1:4123' },
    ]);
  });
});
