import { type Caller, StaffCredential } from '@carelink/contracts';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ForbiddenError, HttpProblem } from '../errors';
import { partnerKey, tenantKey } from '../keys';

interface PrincipalBase {
  /** The person or client the access is recorded under. */
  subject: string;
  scopes: ReadonlySet<string>;
}

/** Staff of a care organisation (or one of its machine clients): everything it reads is its tenant's. */
export interface TenantPrincipal extends PrincipalBase {
  kind: 'tenant';
  tenantId: string;
  /** Staff only: the practice they work for. */
  practiceId?: string;
  /** Staff only: care-manager, clinical-staff, billing-lead, staff-admin, compliance. */
  role?: string;
  /** A signed-in person's credential; it decides how their time counts. Machine clients have none. */
  credential?: StaffCredential;
}

/** A referring organisation's client: it sees only what it sent, in whichever tenant that landed. */
export interface PartnerPrincipal extends PrincipalBase {
  kind: 'partner';
  partnerId: string;
}

/** The operator of the deployment: directory administration, no clinical records. */
export interface OperatorPrincipal extends PrincipalBase {
  kind: 'operator';
}

/** Who is calling, taken only from the authorizer's verified claims (never from the request body). */
export type Principal = TenantPrincipal | PartnerPrincipal | OperatorPrincipal;

/** The principal a route's declared callers can be. */
export type PrincipalOf<C extends Caller> = Extract<Principal, { kind: C }>;

/** Claim names in Carelink access tokens (Cognito and the local issuer issue the same). */
export const claimNames = {
  tenant: 'tenant_id',
  partner: 'partner_id',
  practice: 'practice_id',
  role: 'role',
  scope: 'scope',
  subject: 'sub',
  clientId: 'client_id',
  staffId: 'staff_id',
  credential: 'credential',
} as const;

/** The scope only the operator's client holds. */
export const operatorScope = 'platform-admin';

class UnauthorizedError extends HttpProblem {
  override name = 'UnauthorizedError';
  constructor() {
    super('unauthorized', 'A valid bearer token is required');
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Reads the principal from `requestContext.authorizer.claims`; 401 when claims are absent. A token
 * names a tenant or a partner, never both; one naming neither is the operator's only when it holds
 * the operator scope.
 */
export function principalFrom(event: Pick<APIGatewayProxyEvent, 'requestContext'>): Principal {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, unknown>;
  // A person is recorded under their staff id; a client under its subject or id.
  const subject =
    text(claims[claimNames.staffId]) ?? text(claims[claimNames.subject]) ?? text(claims[claimNames.clientId]);
  if (!subject) throw new UnauthorizedError();
  const scopeClaim = claims[claimNames.scope];
  // Cognito prefixes resource-server scopes (`carelink/referrals:read`); routes name the bare scope.
  const scopes = new Set(
    typeof scopeClaim === 'string'
      ? scopeClaim
          .split(' ')
          .filter(Boolean)
          .map((scope) => scope.slice(scope.lastIndexOf('/') + 1))
      : [],
  );
  const tenantId = text(claims[claimNames.tenant]);
  const partnerId = text(claims[claimNames.partner]);
  if (tenantId && partnerId) throw new UnauthorizedError();
  if (partnerId) return { kind: 'partner', partnerId, subject, scopes };
  if (tenantId) {
    const practiceId = text(claims[claimNames.practice]);
    const role = text(claims[claimNames.role]);
    const credential = StaffCredential.safeParse(claims[claimNames.credential]);
    return {
      kind: 'tenant',
      tenantId,
      subject,
      scopes,
      ...(practiceId ? { practiceId } : {}),
      ...(role ? { role } : {}),
      ...(credential.success ? { credential: credential.data } : {}),
    };
  }
  if (scopes.has(operatorScope)) return { kind: 'operator', subject, scopes };
  throw new UnauthorizedError();
}

/** 403 unless the principal is one of the callers the route is for. */
export function requireCaller<C extends Caller>(
  principal: Principal,
  callers: readonly C[],
): asserts principal is PrincipalOf<C> {
  if (!(callers as readonly string[]).includes(principal.kind))
    throw new ForbiddenError(`This operation is not for ${principal.kind} clients`);
}

/** 403 unless the principal holds every required scope. */
export function requireScopes(principal: Principal, required: readonly string[]): void {
  const missing = required.filter((scope) => !principal.scopes.has(scope));
  if (missing.length > 0) throw new ForbiddenError(`Missing scope: ${missing.join(' ')}`);
}

/** Staff routes: the caller must belong to a practice. */
export function requirePractice(principal: TenantPrincipal): string {
  if (!principal.practiceId) throw new ForbiddenError('This operation is for practice staff');
  return principal.practiceId;
}

/**
 * The tenant under which a non-tenant caller's own requests are recorded and its events published
 * (operator work, a partner's lists): not a valid tenant of the directory, so it cannot collide.
 */
export const platformTenantId = 'carelink-platform';

/**
 * The namespace of what a caller owns, as a partition-key prefix: `T#<tenant>`, `P#<partner>` or the
 * operator's. Idempotency records and cursors are bound to it, so they never cross callers.
 */
export function callerKey(principal: Principal): string {
  if (principal.kind === 'tenant') return tenantKey(principal.tenantId);
  if (principal.kind === 'partner') return partnerKey(principal.partnerId);
  return 'O#platform';
}
