import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Caller, RouteContract } from '@carelink/contracts';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { addLogKeys, invocationKeys, withLogScope } from '../observability/log-scope';
import { MetricUnit } from '../observability/metrics';
import { commitTransaction, IdempotencyRaceError } from '../outbox/commit';
import type { ServiceRuntime } from '../runtime';
import { accessRecorder, recordTenantOf } from './access-recorder';
import { idempotencyGuard, idempotencyKeyFrom, type StoredResponse, toStoredResponse } from './idempotency';
import { type IfMatch, ifMatchFrom } from './if-match';
import { lowerCaseHeaders } from './lower-case-headers';
import { parseRequest } from './parse-request';
import {
  callerKey,
  type Principal,
  type PrincipalOf,
  principalFrom,
  requireCaller,
  requireScopes,
} from './principal';
import { type HttpResult, problemFor, toApiGatewayResult } from './response';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** The callers a route declares; staff of a tenant when it declares none. */
export type CallersOf<R extends RouteContract> = R['callers'] extends readonly (infer C extends Caller)[]
  ? C
  : 'tenant';

const defaultCallers: readonly Caller[] = ['tenant'];

/** The validated request a route handler receives. */
export interface HttpRequest<R extends RouteContract> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  principal: PrincipalOf<CallersOf<R>>;
  correlationId: string;
  /** The version from If-Match, when the route requires it. */
  ifMatch: IfMatch | undefined;
  headers: Readonly<Record<string, string | undefined>>;
}

/** The bodies a route documents for its successes; anything when it also serves other media types. */
type ResponseBody<R extends RouteContract> = {
  [S in keyof R['responses']]: R['responses'][S] extends { alternatives: object }
    ? unknown
    : R['responses'][S] extends { schema: infer Schema extends z.ZodMiniType }
      ? z.input<Schema>
      : never;
}[keyof R['responses']];

/** A result whose body the route's contract types, so a view that drifts from it does not compile. */
export type RouteResult<R extends RouteContract> = HttpResult<ResponseBody<R>>;

export type RouteHandler<R extends RouteContract> = (request: HttpRequest<R>) => Promise<RouteResult<R>>;

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
 *
 * Every authenticated request leaves one `AccessRecorded` event in the outbox (unauthenticated ones
 * have nobody to record). A write's record joins the write's own transaction, so the change and its
 * record exist together or not at all. A read (or an idempotent replay) writes its record before the
 * response is sent and fails closed: when the record cannot be written the caller gets a 503 and no
 * data. A rejected request (4xx/5xx) is recorded on a best-effort basis, as it disclosed nothing.
 * The patient is the `{patientId}` path parameter, else the handler's `auditPatientId`.
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
    addLogKeys({ correlationId, operation: route.operationId });
    const headers = (event.headers ?? {}) as Record<string, string | undefined>;
    const access = accessRecorder(runtime, route, event, correlationId);
    let principal: Principal | undefined;
    try {
      const caller = principalFrom(event);
      principal = caller;
      addLogKeys(caller.kind === 'tenant' ? { tenantId: caller.tenantId } : { callerKind: caller.kind });
      requireCaller(caller, (route.callers ?? defaultCallers) as readonly CallersOf<R>[]);
      requireScopes(caller, route.scopes);
      const idempotencyKey = route.idempotent ? idempotencyKeyFrom(headers) : undefined;
      const parsed = parseRequest(route, event);
      const ifMatch = ifMatchFrom(route, headers);

      const guard = idempotencyGuard(runtime, route.operationId, callerKey(caller), idempotencyKey, parsed);
      const replayIfAny = async (current: Principal): Promise<APIGatewayProxyResult | undefined> => {
        const replay = await guard.replay();
        if (!replay) return undefined;
        metrics.addMetric('IdempotentReplay', MetricUnit.Count, 1);
        await access.beforeRead(current, { status: replay.statusCode });
        return send(replay, correlationId, true);
      };

      let result: RouteResult<R>;
      try {
        result = await handle({
          params: parsed.params as Parsed<R['params']>,
          query: parsed.query as Parsed<R['query']>,
          body: parsed.body as Parsed<R['body']>,
          principal: caller,
          correlationId,
          ifMatch,
          headers,
        });
      } catch (error) {
        // A replay of a request that already changed state (e.g. a second cancel) answers as the first did.
        const replay = await replayIfAny(caller);
        if (replay) return replay;
        throw error;
      }
      const { commit, auditPatientId, auditTenantId, ...response } = result;
      const facts = { status: response.status, auditPatientId, auditTenantId };
      const stored = toStoredResponse(response);
      const idempotencyRecord = guard.record(stored);
      if (commit || guard.active) {
        try {
          await commitTransaction(
            runtime,
            {
              writes: commit?.writes ?? [],
              events: [...(commit?.events ?? []), access.withWrite(caller, facts)],
            },
            {
              tenantId: commit?.tenantId ?? recordTenantOf(caller, facts),
              correlationId,
              ...(idempotencyRecord ? { idempotencyRecord } : {}),
            },
          );
        } catch (error) {
          // The write did not happen; a rejection is recorded below, with the status it answers.
          access.writeFailed();
          if (error instanceof IdempotencyRaceError) {
            const replay = await replayIfAny(caller);
            if (replay) return replay;
          }
          throw error;
        }
      } else {
        await access.beforeRead(caller, facts);
      }
      return send(stored, correlationId);
    } catch (error) {
      const mapped = options.mapError?.(error) ?? error;
      await access.rejected(principal, problemFor(mapped, correlationId).status);
      return problemResponse(mapped, correlationId, event.path);
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
    .use(lowerCaseHeaders)
    .use(logMetrics(metrics))
    .use({
      // Last line of defence: anything thrown by a middleware still leaves as problem+json.
      onError: async (request) => {
        request.response = problemResponse(request.error, runtime.newId(), request.event?.path);
      },
    })
    .handler((event, context) => withLogScope(invocationKeys(context), () => core(event)));
}
