import { describe, expect, it } from 'vitest';
import { callerKey, principalFrom, requireCaller, requireScopes } from './principal';

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
      kind: 'tenant',
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

  it.each([
    null,
    { sub: 'x' },
    { tenant_id: 'acme-health' },
    { sub: 'x', tenant_id: '' },
    { sub: 'x', scope: 'referrals:read' },
    { sub: 'x', tenant_id: 'acme-health', partner_id: 'northwind-health' },
  ])('rejects missing claims %j with 401', (claims) => {
    expect(() => principalFrom(event(claims))).toThrow(
      expect.objectContaining({ problemType: 'unauthorized' }),
    );
  });

  it('requires every scope of a route, not just one', () => {
    const principal = principalFrom(event({ sub: 's', tenant_id: 't1', scope: 'cases:read' }));
    expect(() => requireScopes(principal, ['cases:read'])).not.toThrow();
    expect(() => requireScopes(principal, ['cases:read', 'cases:write'])).toThrow(
      expect.objectContaining({ problemType: 'forbidden' }),
    );
  });

  it('reads a partner from partner_id: the token names no tenant', () => {
    const principal = principalFrom(
      event({ client_id: 'c9', partner_id: 'northwind-health', scope: 'carelink/referrals:read' }),
    );
    expect(principal).toEqual({
      kind: 'partner',
      partnerId: 'northwind-health',
      subject: 'c9',
      scopes: new Set(['referrals:read']),
    });
  });

  it('reads the operator only from a token with the operator scope and neither tenant nor partner', () => {
    expect(principalFrom(event({ client_id: 'op', scope: 'carelink/platform-admin' })).kind).toBe('operator');
  });
});

describe('a signed-in person', () => {
  it('is recorded under their staff id and carries their credential', () => {
    const principal = principalFrom(
      event({
        sub: '5f1c-cognito-sub',
        tenant_id: 'acme-health',
        practice_id: 'practice-boston',
        staff_id: 'staff-boston-care-manager',
        role: 'care-manager',
        credential: 'RN',
        scope: 'cases:read',
      }),
    );
    expect(principal).toMatchObject({
      kind: 'tenant',
      subject: 'staff-boston-care-manager',
      credential: 'RN',
    });
  });

  it('ignores a credential the directory does not know', () => {
    const principal = principalFrom(event({ sub: 's', tenant_id: 't1', credential: 'WIZARD', scope: '' }));
    expect(principal).not.toHaveProperty('credential');
  });
});

describe('requireCaller', () => {
  const partner = principalFrom(event({ sub: 'p', partner_id: 'northwind-health', scope: 'referrals:read' }));
  const staff = principalFrom(event({ sub: 's', tenant_id: 'acme-health', scope: 'cases:read' }));

  it('lets only the kinds a route names through, with 403 for the others', () => {
    expect(() => requireCaller(partner, ['partner'])).not.toThrow();
    expect(() => requireCaller(staff, ['partner'])).toThrow(
      expect.objectContaining({ problemType: 'forbidden' }),
    );
    expect(() => requireCaller(partner, ['tenant', 'operator'])).toThrow(
      expect.objectContaining({ problemType: 'forbidden' }),
    );
  });

  it('gives partners and the operator namespaces no tenant id can take', () => {
    expect(callerKey(staff)).toBe('T#acme-health');
    expect(callerKey(partner)).toBe('P#northwind-health');
    expect(callerKey(partner)).not.toMatch(/^T#/);
  });
});
