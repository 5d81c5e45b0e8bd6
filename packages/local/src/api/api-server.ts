import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { type Problem, type ProblemType, problem } from '@carelink/contracts';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { type LocalIssuer, OAuthError } from '../auth/issuer';
import { handlerFile, invoke } from '../lambda/handler-loader';
import { buildProxyEvent } from './proxy-event';
import { type CompiledRoute, matchRoute } from './routes';

/** API Gateway's own payload limit; Carelink's handlers enforce their smaller limit themselves. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

export interface ApiServerOptions {
  port: number;
  routes: readonly CompiledRoute[];
  issuer: LocalIssuer;
  openApi: () => unknown;
  /** `/local/*` developer endpoints; answers undefined for unknown paths. */
  control: (request: ControlRequest, res: ServerResponse) => Promise<unknown | undefined>;
  isReady: () => boolean;
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

function sendProblem(res: ServerResponse, type: ProblemType, detail?: string): void {
  const body: Problem = problem(type, detail ? { detail } : {});
  sendJson(res, body.status, body, 'application/problem+json');
}

function singleHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) headers[name] = value;
  }
  return headers;
}

const docsPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Carelink API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><script id="api-reference" data-url="/openapi.json"></script>
<script src="/docs/scalar.js"></script></body></html>`;

let scalarBundle: Promise<Buffer> | undefined;
function scalarScript(): Promise<Buffer> {
  scalarBundle ??= (async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@scalar/api-reference/package.json'));
    return readFile(join(root, 'dist/browser/standalone.js'));
  })();
  return scalarBundle;
}

/**
 * The local API Gateway: routes `/v1/...` from the manifests, verifies bearer tokens like the
 * Cognito authorizer (401 without a valid token, 403 without the route's scopes), builds the REST
 * proxy event with the claims, invokes the same handler module in process and returns its answer.
 * Also serves the token endpoint, the JWKS, the OpenAPI document and its browsable reference.
 */
export async function startApiServer(options: ApiServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    try {
      const body = await readBody(req);
      if (url.pathname === '/health') {
        return options.isReady()
          ? sendJson(res, 200, { status: 'ok' })
          : sendJson(res, 503, { status: 'starting' });
      }
      if (url.pathname === '/oauth2/token' && method === 'POST') {
        try {
          return sendJson(
            res,
            200,
            await options.issuer.token(req.headers.authorization, new URLSearchParams(body)),
          );
        } catch (error) {
          if (error instanceof OAuthError) return sendJson(res, error.status, { error: error.error });
          throw error;
        }
      }
      if (url.pathname === '/.well-known/jwks.json') return sendJson(res, 200, options.issuer.jwks());
      if (url.pathname === '/openapi.json') return sendJson(res, 200, options.openApi());
      if (url.pathname === '/docs' || url.pathname === '/docs/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(docsPage);
      }
      if (url.pathname === '/docs/scalar.js') {
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'max-age=3600',
        });
        return res.end(await scalarScript());
      }
      if (url.pathname.startsWith('/local/')) {
        const answered = await options.control(
          { method, path: url.pathname, query: url.searchParams, body },
          res,
        );
        if (answered !== undefined && !res.headersSent) sendJson(res, 200, answered);
        if (!res.headersSent && answered === undefined)
          sendProblem(res, 'not-found', 'No such local endpoint');
        return;
      }
      const match = matchRoute(options.routes, method, url.pathname);
      if (match.kind === 'not-found') return sendProblem(res, 'not-found', 'No such resource');
      if (match.kind === 'method-not-allowed') return sendProblem(res, 'method-not-allowed');
      const claims = await options.issuer.verify(req.headers.authorization);
      if (!claims) return sendProblem(res, 'unauthorized', 'A valid bearer token is required');
      const granted = new Set((claims.scope ?? '').split(' '));
      if (!match.route.contract.scopes.every((scope) => granted.has(scope))) {
        return sendProblem(res, 'forbidden', 'The token lacks a scope this operation requires');
      }
      const event = buildProxyEvent({
        method,
        path: url.pathname,
        resource: match.route.contract.path,
        pathParameters: match.pathParameters,
        query: url.searchParams,
        headers: singleHeaders(req),
        ...(body ? { body } : {}),
        claims,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      });
      const functionName = `${match.route.manifest.name}-${match.route.contract.operationId}`;
      const result = (await invoke(
        handlerFile(match.route.manifest, match.route.handler),
        functionName,
        event,
      )) as APIGatewayProxyResult | undefined;
      if (!result || typeof result.statusCode !== 'number') {
        return sendJson(res, 502, { message: 'Internal server error' });
      }
      res.writeHead(result.statusCode, result.headers as Record<string, string>);
      res.end(result.body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendProblem(res, 'payload-too-large');
      // As API Gateway does when an integration fails: no detail leaves.
      if (!res.headersSent) sendJson(res, 502, { message: 'Internal server error' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
