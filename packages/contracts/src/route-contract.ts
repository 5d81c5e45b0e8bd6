import type * as z from 'zod/mini';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** OAuth scopes, one per route group. Partners hold referral and webhook scopes; staff the rest. */
export const scopes = {
  referralsRead: 'referrals:read',
  referralsWrite: 'referrals:write',
  webhooksManage: 'webhooks:manage',
  eligibilityRead: 'eligibility:read',
  consentRead: 'consent:read',
  consentWrite: 'consent:write',
  casesRead: 'cases:read',
  casesWrite: 'cases:write',
  rosterManage: 'roster:manage',
  outreachRead: 'outreach:read',
  outreachWrite: 'outreach:write',
  billingRead: 'billing:read',
  billingWrite: 'billing:write',
  auditRead: 'audit:read',
  platformAdmin: 'platform-admin',
  staffAdmin: 'staff-admin',
} as const;
export type Scope = (typeof scopes)[keyof typeof scopes];

export interface ResponseContract {
  description: string;
  schema?: z.ZodMiniType;
  contentType?: string;
  /** Other representations of the same response, by media type (CSV, FHIR, HTML). */
  alternatives?: Readonly<Record<string, z.ZodMiniType>>;
  /** Response headers by lower-case name, with what they carry. */
  headers?: Record<string, string>;
}

/**
 * One HTTP operation of the partner/staff API: the contract the OpenAPI document, the API Gateway
 * routes, the local emulator and the handler's validation all derive from.
 */
export interface RouteContract {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway style path, e.g. `/v1/referrals/{referralId}`. */
  readonly path: `/v1/${string}`;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Every listed scope is required. */
  readonly scopes: readonly Scope[];
  /** The kinds of caller the route serves (default: tenant staff only); others get 403. */
  readonly callers?: readonly Caller[];
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** POST creates require an Idempotency-Key header. */
  readonly idempotent?: boolean;
  /** Updates require If-Match with the current version. */
  readonly requiresIfMatch?: boolean;
  readonly responses: Readonly<Record<number, ResponseContract>>;
}

/**
 * Who a route is for: a care organisation's staff and machine clients (`tenant`), a referring
 * organisation's client (`partner`) or the deployment's operator. Each kind reaches its records
 * by a different key, so a route names the kinds its handler is written for.
 */
export type Caller = 'tenant' | 'partner' | 'operator';

/** Declares a route contract (identity function that keeps literal types). */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return Object.freeze(route);
}
