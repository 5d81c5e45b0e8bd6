import { createHash } from 'node:crypto';
import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditManifest } from '../../../../services/audit/manifest';
import { carePlanningManifest } from '../../../../services/care-planning/manifest';
import { outreachManifest } from '../../../../services/outreach/manifest';
import type { LocalCloud } from '../cloud';
import { apiClient, apiClientWithToken } from '../testing/api-client';
import { startTestCloud } from '../testing/local-cloud-fixture';

let cloud: LocalCloud;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  cloud = await startTestCloud([carePlanningManifest, outreachManifest, auditManifest]);
  cognito = new CognitoIdentityProviderClient({
    endpoint: cloud.cognito.endpoint,
    region: cloud.cognito.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  cognito?.destroy();
  await cloud?.stop();
});

const person = (staffId: string) => {
  const user = cloud.staffUsers.find((u) => u.staffId === staffId);
  if (!user?.totpSecret) throw new Error(`no seeded person ${staffId}`);
  return user as typeof user & { totpSecret: string };
};

const passwordStep = (username: string, password: string) =>
  cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.cognito.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

const codeStep = (username: string, session: string | undefined, code: string) =>
  cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: cloud.cognito.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );

/** Signs a person in with the AWS SDK as against Cognito: password, then the authenticator's code. */
async function signIn(staffId: string): Promise<string> {
  const { username, password, totpSecret } = person(staffId);
  const challenged = await passwordStep(username, password);
  expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  const code = new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate();
  const signedIn = await codeStep(username, challenged.Session, code);
  return signedIn.AuthenticationResult?.AccessToken as string;
}

describe('people sign in with the AWS SDK, as against Cognito', () => {
  it('signs a care manager in with password and TOTP, and the token reaches their worklist', async () => {
    const token = await signIn('staff-boston-care-manager');
    const worklist = await apiClientWithToken(cloud, token).get('/v1/worklist');
    expect(worklist.status).toBe(200);
  });

  it('answers a wrong password like an unknown user, and a wrong code with CodeMismatchException', async () => {
    const { username, password } = person('staff-boston-clinical-staff');
    await expect(passwordStep(username, 'Wrong-password-123!')).rejects.toBeInstanceOf(
      NotAuthorizedException,
    );
    const unknown = await passwordStep('nobody-here', 'Wrong-password-123!').catch((e: Error) => e);
    expect(unknown).toBeInstanceOf(NotAuthorizedException);
    expect((unknown as Error).message).toBe('Incorrect username or password.');
    const challenged = await passwordStep(username, password);
    await expect(codeStep(username, challenged.Session, '000000')).rejects.toBeInstanceOf(
      CodeMismatchException,
    );
  });

  it('locks a person out after repeated wrong passwords', async () => {
    const { username, password } = person('staff-denver-clinical-staff');
    for (let i = 0; i < 5; i++) await passwordStep(username, `Wrong-password-${i}!A`).catch(() => undefined);
    const locked = await passwordStep(username, password).catch((e: Error) => e);
    expect(locked).toBeInstanceOf(NotAuthorizedException);
    expect((locked as Error).message).toBe('Password attempts exceeded');
  });

  it('answers guesses sent side by side no faster than the lockout allows', async () => {
    const { username, password } = person('staff-denver-compliance');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        passwordStep(username, `Wrong-password-${i}!A`).catch((e: Error) => e.message),
      ),
    );
    expect(answers.filter((m) => m === 'Incorrect username or password.')).toHaveLength(5);
    expect(answers.filter((m) => m === 'Password attempts exceeded')).toHaveLength(5);
    const locked = await passwordStep(username, password).catch((e: Error) => e);
    expect((locked as Error).message).toBe('Password attempts exceeded');
  });

  it('records the person, not a role, on their accesses', async () => {
    const token = await signIn('staff-boston-care-manager');
    const read = await apiClientWithToken(cloud, token).get('/v1/worklist', {
      'x-correlation-id': 'person-read-1',
    });
    expect(read.status).toBe(200);
    await cloud.settle();
    const compliance = await apiClient(cloud, 'staff-boston-compliance');
    const trail = await compliance.get('/v1/audit?subject=staff-boston-care-manager');
    expect(trail.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          correlationId: 'person-read-1',
          subject: 'staff-boston-care-manager',
          role: 'care-manager',
        }),
      ]),
    );
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      tenant_id: 'acme-health',
      practice_id: 'practice-boston',
      staff_id: 'staff-boston-care-manager',
      roles: 'care-manager',
      credential: 'RN',
      'cognito:groups': ['care-manager'],
    });
    expect(claims.scope.split(' ')).toEqual(expect.arrayContaining(['outreach:write', 'cases:read']));
    expect(claims.scope).not.toContain('billing:');
  });

  it('stops a disabled person signing in, and refuses a refresh', async () => {
    const { username, password, totpSecret } = person('staff-denver-care-manager');
    const challenged = await passwordStep(username, password);
    const code = new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate();
    const signedIn = await codeStep(username, challenged.Session, code);
    const admin = await apiClient(cloud, 'carelink-operator');
    expect((await admin.post('/v1/directory/staff/staff-denver-care-manager/disable')).status).toBe(200);
    await expect(passwordStep(username, password)).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: cloud.cognito.clientId,
          AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult?.RefreshToken as string },
        }),
      ),
    ).rejects.toBeInstanceOf(NotAuthorizedException);
  });
});

describe('the hosted sign-in page, with PKCE (the console’s way in)', () => {
  const redirectUri = 'http://127.0.0.1:5173/callback';
  const verifier = 'a-long-random-verifier-of-the-console-0123456789abcdef';
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorizeQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      response_type: 'code',
      client_id: cloud.cognito.clientId,
      redirect_uri: redirectUri,
      state: 'state-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
  const post = (form: URLSearchParams) =>
    fetch(`${cloud.apiUrl}/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
  const token = (form: Record<string, string>) =>
    fetch(`${cloud.apiUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });

  /** Username and password, then the one-time code: the redirect back to the console carries a code. */
  async function authorizationCode(staffId: string): Promise<string> {
    const { username, password, totpSecret } = person(staffId);
    const codePage = await (
      await post(new URLSearchParams({ ...Object.fromEntries(authorizeQuery()), username, password }))
    ).text();
    expect(codePage).toContain('One-time code');
    const step = /name="step" value="([^"]+)"/.exec(codePage)?.[1] as string;
    const wrong = await (await post(new URLSearchParams({ step, code: '000000' }))).text();
    expect(wrong).toContain('role="alert"');
    const redirected = await post(
      new URLSearchParams({ step, code: new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate() }),
    );
    expect(redirected.status).toBe(302);
    const location = new URL(redirected.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-1');
    return location.searchParams.get('code') as string;
  }

  it('asks for Username and Password with a Sign in button, and refuses a request without PKCE', async () => {
    const shown = await fetch(`${cloud.apiUrl}/oauth2/authorize?${authorizeQuery()}`);
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(html).toMatch(/<label for="username">Username<\/label>/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toContain('>Sign in</button>');
    const plain = await fetch(
      `${cloud.apiUrl}/oauth2/authorize?${authorizeQuery({ code_challenge_method: 'plain' })}`,
    );
    expect(plain.status).toBe(400);
  });

  it('exchanges the code for tokens only with the right verifier, once, and refreshes them', async () => {
    const wrongVerifier = await token({
      grant_type: 'authorization_code',
      client_id: cloud.cognito.clientId,
      redirect_uri: redirectUri,
      code: await authorizationCode('staff-boston-billing-lead'),
      code_verifier: `${verifier}-tampered`,
    });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toEqual({ error: 'invalid_grant' });

    const exchange = {
      grant_type: 'authorization_code',
      client_id: cloud.cognito.clientId,
      redirect_uri: redirectUri,
      code: await authorizationCode('staff-boston-billing-lead'),
      code_verifier: verifier,
    };
    const tokens = (await (await token(exchange)).json()) as { access_token: string; refresh_token: string };
    expect((await apiClientWithToken(cloud, tokens.access_token).get('/v1/worklist')).status).toBe(403);
    expect((await token(exchange)).status).toBe(400);
    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: cloud.cognito.clientId,
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { access_token: string }).access_token).toMatch(/^ey/);
  });

  it('shows a wrong password on the page, without saying whether the user exists', async () => {
    const page = await post(
      new URLSearchParams({ ...Object.fromEntries(authorizeQuery()), username: 'nobody', password: 'x' }),
    );
    expect(await page.text()).toContain('Incorrect username or password.');
  });
});
