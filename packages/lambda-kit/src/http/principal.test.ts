import { describe, expect, it } from 'vitest';
import { principalFrom, requireScopes } from './principal';

const event = (claims: Partial<Record<string, string>> | null) =>
  ({ requestContext: { authorizer: claims ? { claims } : null } }) as Parameters<typeof principalFrom>[0];

describe('principalFrom', () => {
  it('reads tenant, subject, practice, role and scopes from the authorizer claims', () => {
    const principal = principalFrom(
      event({
        sub: 'staff-1',
        tenant_id: 'acme-health',
        practice_id: 'practice-boston',
        role: 'care-manager',
        scope: 'cases:read cases:write',
      }),
    );
    expect(principal).toEqual({
      tenantId: 'acme-health',
      subject: 'staff-1',
      practiceId: 'practice-boston',
      role: 'care-manager',
      scopes: new Set(['cases:read', 'cases:write']),
    });
  });

  it('accepts Cognito resource-server scopes such as carelink/referrals:read', () => {
    const principal = principalFrom(
      event({
        client_id: 'c1',
        tenant_id: 'acme-health',
        scope: 'carelink/referrals:read carelink/referrals:write',
      }),
    );
    expect([...principal.scopes]).toEqual(['referrals:read', 'referrals:write']);
    expect(principal.subject).toBe('c1');
  });

  it.each([null, { sub: 'x' }, { tenant_id: 'acme-health' }, { sub: 'x', tenant_id: '' }])(
    'rejects missing claims %j with 401',
    (claims) => {
      expect(() => principalFrom(event(claims))).toThrow(
        expect.objectContaining({ problemType: 'unauthorized' }),
      );
    },
  );

  it('requires every scope of a route, not just one', () => {
    const principal = principalFrom(event({ sub: 's', tenant_id: 't1', scope: 'cases:read' }));
    expect(() => requireScopes(principal, ['cases:read'])).not.toThrow();
    expect(() => requireScopes(principal, ['cases:read', 'cases:write'])).toThrow(
      expect.objectContaining({ problemType: 'forbidden' }),
    );
  });
});
