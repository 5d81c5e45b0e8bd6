import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { RouteContract } from '@carelink/contracts';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { DomainError } from '../errors';
import { MetricUnit } from '../observability/metrics';
import { commitTransaction, IdempotencyRaceError } from '../outbox/commit';
import type { ServiceRuntime } from '../runtime';
import {
  findReplay,
  idempotencyKeyFrom,
  idempotencyRecord,
  idempotencyRecordKey,
  requestHash,
  type StoredResponse,
  toStoredResponse,
} from './idempotency';
import { parseRequest } from './parse-request';
import { type Principal, principalFrom, requireScopes } from './principal';
import { type HttpResult, problemFor, toApiGatewayResult } from './response';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The validated request a route handler receives. */
export interface HttpRequest<R extends RouteContract> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  principal: Principal;
  correlationId: string;
  /** The version from If-Match, when the route requires it. */
  ifMatch: number | undefined;
  headers: Readonly<Record<string, string | undefined>>;
}

export type RouteHandler<R extends RouteContract> = (request: HttpRequest<R>) => Promise<HttpResult>;

export interface HttpHandlerOptions {
  /**
   * Maps a service's own domain errors to lambda-kit's `DomainError` subclasses (one function per
   * service, shared by its handlers). Return undefined to leave an error as it is.
   */
  mapError?: (error: unknown) => Error | undefined;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function correlationIdFrom(event: APIGatewayProxyEvent, runtime: ServiceRuntime): string {
  const given = event.headers?.['x-correlation-id'];
  return given && CORRELATION_ID.test(given) ? given : runtime.newId();
}

function ifMatchFrom(route: RouteContract, headers: Record<string, string | undefined>): number | undefined {
  const raw = headers['if-match'];
  if (raw === undefined) {
    if (route.requiresIfMatch)
      throw new DomainError('precondition-required', 'Send If-Match with the version you read');
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match) throw new DomainError('precondition-failed', 'If-Match must be a version ETag such as "3"');
  return Number(match[1]);
}

function send(stored: StoredResponse, correlationId: string, replayed = false): APIGatewayProxyResult {
  return toApiGatewayResult(
    stored.statusCode,
    stored.body,
    {
      ...stored.headers,
      'x-correlation-id': correlationId,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    },
    'application/json',
  );
}

/**
 * Wraps a route handler in the standard HTTP stack: header normalisation, Powertools logger context
 * and metrics, correlation id, claims and scopes, contract validation, Idempotency-Key handling,
 * If-Match, an atomic commit of state + outbox (+ idempotency record), and problem+json errors.
 * The route handler itself only maps a validated request to a domain call and a result.
 */
export function httpHandler<const R extends RouteContract>(
  runtime: ServiceRuntime,
  route: R,
  handle: RouteHandler<R>,
  options: HttpHandlerOptions = {},
): middy.MiddyfiedHandler<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context> {
  const { logger, metrics } = runtime;

  async function core(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
    const correlationId = correlationIdFrom(event, runtime);
    metrics.addMetric('Request', MetricUnit.Count, 1);
    logger.appendKeys({ correlationId, operation: route.operationId });
    const headers = (event.headers ?? {}) as Record<string, string | undefined>;
    try {
      const principal = principalFrom(event);
      logger.appendKeys({ tenantId: principal.tenantId });
      requireScopes(principal, route.scopes);
      const idempotencyKey = route.idempotent ? idempotencyKeyFrom(headers) : undefined;
      const parsed = parseRequest(route, event);
      const ifMatch = ifMatchFrom(route, headers);

      let recordKey: ReturnType<typeof idempotencyRecordKey> | undefined;
      let hash = '';
      if (idempotencyKey) {
        recordKey = idempotencyRecordKey(principal.tenantId, route.operationId, idempotencyKey);
        hash = requestHash(route.operationId, parsed.params, parsed.body);
        const replay = await findReplay(runtime, recordKey, hash);
        if (replay) {
          metrics.addMetric('IdempotentReplay', MetricUnit.Count, 1);
          return send(replay, correlationId, true);
        }
      }

      const result = await handle({
        params: parsed.params as Parsed<R['params']>,
        query: parsed.query as Parsed<R['query']>,
        body: parsed.body as Parsed<R['body']>,
        principal,
        correlationId,
        ifMatch,
        headers,
      });
      const { commit, ...response } = result;
      if (commit || recordKey) {
        try {
          await commitTransaction(runtime, commit ?? { writes: [], events: [] }, {
            tenantId: principal.tenantId,
            correlationId,
            ...(recordKey
              ? { idempotencyRecord: idempotencyRecord(runtime, recordKey, hash, response) }
              : {}),
          });
        } catch (error) {
          if (error instanceof IdempotencyRaceError && recordKey) {
            const replay = await findReplay(runtime, recordKey, hash);
            if (replay) return send(replay, correlationId, true);
          }
          throw error;
        }
      }
      return send(toStoredResponse(response), correlationId);
    } catch (error) {
      return problemResponse(options.mapError?.(error) ?? error, correlationId, event.path);
    }
  }

  function problemResponse(error: unknown, correlationId: string, instance: string | undefined) {
    const body = problemFor(error, correlationId, instance);
    if (body.status >= 500) {
      logger.error('request failed', { error: error as Error });
      metrics.addMetric('UnhandledError', MetricUnit.Count, 1);
    } else {
      logger.info('request rejected', { problem: body.type, status: body.status });
    }
    return toApiGatewayResult(
      body.status,
      JSON.stringify(body),
      { 'x-correlation-id': correlationId },
      'application/problem+json',
    );
  }

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(httpHeaderNormalizer())
    .use(injectLambdaContext(logger, { clearState: true, resetKeys: true }))
    .use(logMetrics(metrics))
    .use({
      // Last line of defence: anything thrown by a middleware still leaves as problem+json.
      onError: async (request) => {
        request.response = problemResponse(request.error, runtime.newId(), request.event?.path);
      },
    })
    .handler(core);
}
