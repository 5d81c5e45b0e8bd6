import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addClientClaims,
  type ClientClaims,
  clientClaimsVariable,
  parseClientClaims,
} from './pre-token-generation';

function tokenRequest(clientId: string): PreTokenGenerationV3TriggerEvent {
  return {
    version: '3',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example',
    triggerSource: 'TokenGeneration_ClientCredentials',
    userName: clientId,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes: {}, groupConfiguration: {}, scopes: ['carelink/referrals:read'] },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

const claims = new Map<string, ClientClaims>([
  ['partner-client', { tenant_id: 'northwind-health' }],
  ['staff-client', { tenant_id: 'carelink-health', practice_id: 'practice-boston', role: 'care-manager' }],
]);

describe('pre token generation', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('adds the tenant of a partner client to its access token, and nothing to the ID token', () => {
    const { response } = addClientClaims(tokenRequest('partner-client'), claims);
    expect(response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: 'northwind-health' } },
    });
  });

  it('adds tenant, practice and role for a staff client', () => {
    const { response } = addClientClaims(tokenRequest('staff-client'), claims);
    expect(response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      tenant_id: 'carelink-health',
      practice_id: 'practice-boston',
      role: 'care-manager',
    });
  });

  it('leaves the token of an unknown client without a tenant', () => {
    const event = tokenRequest('someone-else');
    expect(addClientClaims(event, claims)).toEqual(event);
  });

  it('copes with the null override details Cognito sends', () => {
    const event = {
      ...tokenRequest('partner-client'),
      response: { claimsAndScopeOverrideDetails: null },
    } as unknown as PreTokenGenerationV3TriggerEvent;
    expect(addClientClaims(event, claims).response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: 'northwind-health' } },
    });
  });

  it('reads the map from its environment variable and rejects a malformed one', async () => {
    expect(parseClientClaims(undefined).size).toBe(0);
    expect(() => parseClientClaims('[{"clientId":"c"}]')).toThrow(clientClaimsVariable);
    expect(() => parseClientClaims('[{"clientId":"c","claims":{"tenant_id":""}}]')).toThrow();
    vi.stubEnv(clientClaimsVariable, JSON.stringify([{ clientId: 'c1', claims: { tenant_id: 't1' } }]));
    const { handler } = await import('./pre-token-generation');
    const result = await handler(tokenRequest('c1'));
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      tenant_id: 't1',
    });
  });
});
