import { AccessRecordedData, AccessRecordedV1, type RouteContract, Ulid } from '@carelink/contracts';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { UnavailableError } from '../errors';
import { MetricUnit } from '../observability/metrics';
import { commitTransaction, type EventDraft, emit } from '../outbox/commit';
import type { ServiceRuntime } from '../runtime';
import { type Principal, platformTenantId } from './principal';

/** What the access record says about the answer. */
export interface AccessFacts {
  status: number;
  /** The patient a route reached through another id (see `HttpResult.auditPatientId`). */
  auditPatientId?: string | undefined;
  /** The tenant whose record a partner or the operator reached (see `HttpResult.auditTenantId`). */
  auditTenantId?: string | undefined;
}

/**
 * The tenant whose trail records an access: a tenant caller's own; for a partner or the operator, the
 * tenant whose record the request reached, else the platform's own trail.
 */
export function recordTenantOf(principal: Principal, facts: Pick<AccessFacts, 'auditTenantId'>): string {
  if (principal.kind === 'tenant') return principal.tenantId;
  return facts.auditTenantId ?? platformTenantId;
}

function roleOf(principal: Principal): string {
  if (principal.kind === 'tenant') return principal.role ?? 'integration';
  return principal.kind;
}

/**
 * The path parameters of a request as the route validates them, kept only when every value is an id
 * or code. A path that fails validation is recorded without its values (they may be anything).
 */
function pathIdsOf(route: RouteContract, event: APIGatewayProxyEvent): Record<string, string> {
  if (!route.params) return {};
  const parsed = route.params.safeParse(event.pathParameters ?? {});
  if (!parsed.success) return {};
  const ids: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    const text = String(value);
    if (AccessRecordedData.shape.pathParameters.safeParse({ [name]: text }).success) ids[name] = text;
  }
  return ids;
}

/**
 * Records one request's access exactly once, whichever way it ends: with the write it commits, as
 * a read that fails closed, or (best effort) as a rejection. Every authenticated request leaves one
 * `AccessRecorded` event; the patient is the `{patientId}` path parameter, else `auditPatientId`.
 */
export function accessRecorder(
  runtime: ServiceRuntime,
  route: RouteContract,
  event: APIGatewayProxyEvent,
  correlationId: string,
) {
  const { logger, metrics } = runtime;
  let recorded = false;

  function record(principal: Principal, facts: AccessFacts): EventDraft {
    const pathParameters = pathIdsOf(route, event);
    const fromPath = Ulid.safeParse(pathParameters.patientId);
    let patientId = fromPath.success ? fromPath.data : undefined;
    if (!patientId && facts.auditPatientId !== undefined) {
      const fromHandler = Ulid.safeParse(facts.auditPatientId);
      if (fromHandler.success) patientId = fromHandler.data;
      else logger.warn('auditPatientId is not a patient id; the access is recorded without it');
    }
    // Validated once, where every event is: when the outbox item is built.
    return emit(AccessRecordedV1, {
      subject: principal.subject,
      role: roleOf(principal),
      ...(principal.kind === 'tenant' && principal.practiceId ? { practiceId: principal.practiceId } : {}),
      ...(principal.kind === 'partner' ? { partnerId: principal.partnerId } : {}),
      service: runtime.service,
      operationId: route.operationId,
      method: route.method,
      routeTemplate: route.path,
      pathParameters,
      ...(patientId ? { patientId } : {}),
      status: facts.status,
      at: runtime.clock().toISOString(),
    });
  }

  const commitAlone = (principal: Principal, facts: AccessFacts) =>
    commitTransaction(
      runtime,
      { writes: [], events: [record(principal, facts)] },
      { tenantId: recordTenantOf(principal, facts), correlationId },
    );

  return {
    /** The record that joins a write's own transaction: the change and its record exist together. */
    withWrite(principal: Principal, facts: AccessFacts): EventDraft {
      recorded = true;
      return record(principal, facts);
    },

    /** The write it joined did not happen: a rejection may still be recorded. */
    writeFailed(): void {
      recorded = false;
    },

    /** A read's (or replay's) record, written before the answer: no data leaves without it. */
    async beforeRead(principal: Principal, facts: AccessFacts): Promise<void> {
      recorded = true;
      try {
        await commitAlone(principal, facts);
      } catch (error) {
        metrics.addMetric('AccessRecordFailed', MetricUnit.Count, 1);
        throw new UnavailableError(
          'The request could not be recorded in the audit trail; retry later',
          error,
        );
      }
    },

    /** A rejected request disclosed nothing: recorded with its status, best effort, if not already. */
    async rejected(principal: Principal | undefined, status: number): Promise<void> {
      if (!principal || recorded) return;
      await commitAlone(principal, { status }).catch((recordError: unknown) => {
        metrics.addMetric('AccessRecordFailed', MetricUnit.Count, 1);
        logger.warn('the access record of a rejected request was not written', {
          error: recordError as Error,
        });
      });
    },
  };
}
