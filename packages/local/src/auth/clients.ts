import { randomBytes } from 'node:crypto';
import { scopesByRole } from '@carelink/contracts';

/**
 * A machine client as Cognito's client-credentials app clients model it. Staff clients carry their
 * tenant claims with them; clients registered through the Cognito API (partners') get theirs from
 * the pre-token-generation trigger, as in AWS.
 */
export interface LocalClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  kind: 'staff' | 'operator' | 'registered';
  /** Registered clients: the name they were created with. */
  name?: string;
  tenantId?: string;
  practiceId?: string;
  role?: string;
  /** The subject their actions are recorded under. */
  subject: string;
}

/** The operator's client: the only holder of `platform-admin`. */
export const operatorClientId = 'carelink-operator';

/** Scopes per staff role of the shared machine clients (the directory's roles, minus billing practitioners). */
export const staffScopesByRole: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(scopesByRole).filter(([role]) => role !== 'billing-practitioner'),
);

const secret = () => randomBytes(24).toString('base64url');

/**
 * The clients the local cloud starts with: the operator's, and staff in each role at one practice of
 * each demo care organisation. Partners' clients are issued through the directory's admin API.
 * Secrets are random per start and written to the credentials file.
 */
export function seedClients(): LocalClient[] {
  const staffed = [
    { tenantId: 'acme-health', practiceId: 'practice-boston' },
    { tenantId: 'bluepeak-health', practiceId: 'practice-denver' },
  ];
  const operator: LocalClient = {
    clientId: operatorClientId,
    clientSecret: secret(),
    scopes: ['platform-admin', 'staff-admin'],
    kind: 'operator',
    subject: operatorClientId,
  };
  return [
    operator,
    ...staffed.flatMap(({ tenantId, practiceId }) =>
      Object.entries(staffScopesByRole).map(([role, scopes]) => ({
        clientId: `${practiceId}-${role}`,
        clientSecret: secret(),
        tenantId,
        scopes: [...scopes],
        kind: 'staff' as const,
        practiceId,
        role,
        subject: `staff-${practiceId.replace('practice-', '')}-${role}`,
      })),
    ),
  ];
}
