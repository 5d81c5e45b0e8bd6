import { randomBytes } from 'node:crypto';

/** A machine client as Cognito's client-credentials app clients model it, plus Carelink's claims. */
export interface LocalClient {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  scopes: string[];
  kind: 'partner' | 'staff';
  practiceId?: string;
  role?: string;
  /** Staff: the subject their actions are recorded under. */
  subject: string;
}

/** Every scope a health-plan partner may hold. */
export const partnerScopes = ['referrals:read', 'referrals:write', 'webhooks:manage'];

/** Scopes per staff role: least privilege, as the user pool's groups would grant them. */
export const staffScopesByRole: Record<string, string[]> = {
  'care-manager': [
    'cases:read',
    'cases:write',
    'consent:read',
    'consent:write',
    'eligibility:read',
    'outreach:read',
    'outreach:write',
  ],
  'clinical-staff': ['cases:read', 'consent:read', 'eligibility:read', 'outreach:read', 'outreach:write'],
  'billing-lead': ['billing:read', 'billing:write', 'consent:read', 'eligibility:read'],
  'staff-admin': ['roster:manage', 'cases:read'],
  compliance: ['audit:read'],
};

const secret = () => randomBytes(24).toString('base64url');

/**
 * The demo tenants of the local cloud: two health plans, each contracted with one practice, with
 * staff in each role. Secrets are random per data directory and written to the credentials file.
 */
export function seedClients(): LocalClient[] {
  const tenants = [
    { tenantId: 'acme-health', practiceId: 'practice-boston' },
    { tenantId: 'bluepeak-health', practiceId: 'practice-denver' },
  ];
  return tenants.flatMap(({ tenantId, practiceId }) => [
    {
      clientId: `${tenantId}-partner`,
      clientSecret: secret(),
      tenantId,
      scopes: partnerScopes,
      kind: 'partner' as const,
      subject: `${tenantId}-partner`,
    },
    ...Object.entries(staffScopesByRole).map(([role, scopes]) => ({
      clientId: `${practiceId}-${role}`,
      clientSecret: secret(),
      tenantId,
      scopes,
      kind: 'staff' as const,
      practiceId,
      role,
      subject: `staff-${practiceId.replace('practice-', '')}-${role}`,
    })),
  ]);
}
