import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { type Problem, type ProblemType, problem } from '@carelink/contracts';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { HostedLogin } from '../auth/hosted-login';
import { type LocalIssuer, OAuthError } from '../auth/issuer';
import { handlerFile, invoke } from '../lambda/handler-loader';
import { buildProxyEvent } from './proxy-event';
import { createResponseChecker } from './response-check';
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
  /** The hosted sign-in of people (authorization code + PKCE) and its token grants. */
  login: HostedLogin;
  openApi: () => unknown;
  /** `/local/*` developer endpoints; answers undefined for unknown paths. */
  control: (request: ControlRequest, res: ServerResponse) => Promise<unknown | undefined>;
  isReady: () => boolean;
  /** Check every answer against the OpenAPI document and turn a mismatch into a 500 (tests). */
  checkResponses?: boolean;
  /** Serves the care-team console on every page path outside the API. */
  console?: (method: string, pathname: string, res: ServerResponse) => Promise<boolean>;
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

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is well formed, else a new one: gateway answers carry one too. */
function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}

function problemResponse(type: ProblemType, correlationId: string, detail?: string) {
  const body: Problem = problem(type, { correlationId, ...(detail ? { detail } : {}) });
  return {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', 'x-correlation-id': correlationId },
    body: JSON.stringify(body),
  };
}

function sendProblem(res: ServerResponse, type: ProblemType, correlationId: string, detail?: string): void {
  const answer = problemResponse(type, correlationId, detail);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/**
 * Requests Node's parser refuses before any handler runs (headers over its limit, malformed lines)
 * get a problem document too, and the connection is closed: its state is unknown.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const type: ProblemType =
    error.code === 'HPE_HEADER_OVERFLOW' ? 'request-header-fields-too-large' : 'malformed-request';
  const answer = problemResponse(type, randomUUID());
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(answer.body)}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${answer.body}`);
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
/**
 * The reference page's browser bundle, named by the package's `browser` field. The package exports
 * no `package.json`, so its root is found by walking up from the entry it does export.
 */
function scalarScript(): Promise<Buffer> {
  scalarBundle ??= (async () => {
    let root = dirname(createRequire(import.meta.url).resolve('@scalar/api-reference'));
    while (!existsSync(join(root, 'package.json'))) root = dirname(root);
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { browser?: string };
    return readFile(join(root, manifest.browser ?? 'dist/browser/standalone.js'));
  })();
  // A failure is not cached: the next request tries again.
  scalarBundle.catch(() => {
    scalarBundle = undefined;
  });
  return scalarBundle;
}

/**
 * The local API Gateway: routes `/v1/...` from the manifests, verifies bearer tokens like the
 * Cognito authorizer (401 without a valid token, 403 without the route's scopes), builds the REST
 * proxy event with the claims, invokes the same handler module in process and returns its answer.
 * Also serves the token endpoint, the JWKS, the OpenAPI document and its browsable reference.
 */
export async function startApiServer(options: ApiServerOptions): Promise<{ server: Server; url: string }> {
  const checker = options.checkResponses ? createResponseChecker(options.openApi()) : undefined;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const correlationId = correlationIdOf(req);
    try {
      const body = await readBody(req);
      if (url.pathname === '/health') {
        return options.isReady()
          ? sendJson(res, 200, { status: 'ok' })
          : sendJson(res, 503, { status: 'starting' });
      }
      if (url.pathname === '/oauth2/authorize' && (method === 'GET' || method === 'POST'))
        return await options.login.authorize(method, url.searchParams, body, res);
      if (url.pathname === '/oauth2/token' && method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') === 'authorization_code' || form.get('grant_type') === 'refresh_token') {
          const answer = await options.login.token(form);
          return sendJson(res, answer.status, answer.body);
        }
        try {
          return sendJson(res, 200, await options.issuer.token(req.headers.authorization, form));
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
        // Read before answering: a missing bundle must become a problem, not a 200 that never ends.
        const script = await scalarScript().catch(() => undefined);
        if (!script)
          return sendProblem(res, 'internal', correlationId, 'The API reference script is not installed');
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'max-age=3600',
        });
        return res.end(script);
      }
      if (url.pathname.startsWith('/local/')) {
        const answered = await options.control(
          { method, path: url.pathname, query: url.searchParams, body },
          res,
        );
        if (answered !== undefined && !res.headersSent) sendJson(res, 200, answered);
        if (!res.headersSent && answered === undefined)
          sendProblem(res, 'not-found', correlationId, 'No such local endpoint');
        return;
      }
      if (!url.pathname.startsWith('/v1/') && (await options.console?.(method, url.pathname, res))) return;
      const match = matchRoute(options.routes, method, url.pathname);
      if (match.kind === 'not-found') return sendProblem(res, 'not-found', correlationId, 'No such resource');
      if (match.kind === 'method-not-allowed') return sendProblem(res, 'method-not-allowed', correlationId);
      const claims = await options.issuer.verify(req.headers.authorization);
      if (!claims) return sendProblem(res, 'unauthorized', correlationId, 'A valid bearer token is required');
      const granted = new Set((claims.scope ?? '').split(' '));
      if (!match.route.contract.scopes.every((scope) => granted.has(scope))) {
        return sendProblem(
          res,
          'forbidden',
          correlationId,
          'The token lacks a scope this operation requires',
        );
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
      const violations =
        checker?.({
          method,
          path: match.route.contract.path,
          status: result.statusCode,
          headers: result.headers ?? {},
          body: result.body,
        }) ?? [];
      if (violations.length > 0) {
        console.error(`response does not match the API document:\n  ${violations.join('\n  ')}`);
        return sendProblem(
          res,
          'internal',
          correlationId,
          `The answer does not match the API document: ${violations.join('; ')}`,
        );
      }
      res.writeHead(result.statusCode, result.headers as Record<string, string>);
      res.end(result.body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read, so this connection cannot carry another request.
        res.setHeader('connection', 'close');
        return sendProblem(res, 'payload-too-large', correlationId);
      }
      // As API Gateway does when an integration fails: no detail leaves.
      if (!res.headersSent) sendJson(res, 502, { message: 'Internal server error' });
    }
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
