import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ForbiddenError, HttpProblem } from '../errors';

/** Who is calling, taken only from the authorizer's verified claims (never from the request body). */
export interface Principal {
  tenantId: string;
  subject: string;
  scopes: ReadonlySet<string>;
  /** Staff only: the practice they work for. */
  practiceId?: string;
  /** Staff only: care-manager, clinical-staff, physician, billing-lead, staff-admin, compliance. */
  role?: string;
}

/** Claim names in Carelink access tokens (Cognito and the local issuer issue the same). */
export const claimNames = {
  tenant: 'tenant_id',
  practice: 'practice_id',
  role: 'role',
  scope: 'scope',
  subject: 'sub',
  clientId: 'client_id',
} as const;

class UnauthorizedError extends HttpProblem {
  override name = 'UnauthorizedError';
  constructor() {
    super('unauthorized', 'A valid bearer token is required');
  }
}

/** Reads the principal from `requestContext.authorizer.claims`; 401 when claims are absent. */
export function principalFrom(event: Pick<APIGatewayProxyEvent, 'requestContext'>): Principal {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, unknown>;
  const tenantId = claims[claimNames.tenant];
  const subject = claims[claimNames.subject] ?? claims[claimNames.clientId];
  if (typeof tenantId !== 'string' || tenantId === '' || typeof subject !== 'string')
    throw new UnauthorizedError();
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
  const practiceId = claims[claimNames.practice];
  const role = claims[claimNames.role];
  return {
    tenantId,
    subject,
    scopes,
    ...(typeof practiceId === 'string' && practiceId ? { practiceId } : {}),
    ...(typeof role === 'string' && role ? { role } : {}),
  };
}

/** 403 unless the principal holds every required scope. */
export function requireScopes(principal: Principal, required: readonly string[]): void {
  const missing = required.filter((scope) => !principal.scopes.has(scope));
  if (missing.length > 0) throw new ForbiddenError(`Missing scope: ${missing.join(' ')}`);
}

/** Staff routes: the caller must belong to a practice. */
export function requirePractice(principal: Principal): string {
  if (!principal.practiceId) throw new ForbiddenError('This operation is for practice staff');
  return principal.practiceId;
}
