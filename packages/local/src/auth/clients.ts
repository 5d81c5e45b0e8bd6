import { randomBytes } from 'node:crypto';

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

const secret = () => randomBytes(24).toString('base64url');

/**
 * The client the local cloud starts with: the operator's. Partners' clients are issued through the
 * directory's admin API; people sign in as users. The secret is random per start.
 */
export function seedClients(): LocalClient[] {
  return [
    {
      clientId: operatorClientId,
      clientSecret: secret(),
      scopes: ['platform-admin', 'staff-admin'],
      kind: 'operator',
      subject: operatorClientId,
    },
  ];
}
