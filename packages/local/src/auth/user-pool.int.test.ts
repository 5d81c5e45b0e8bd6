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

  it('records the person, not a role, on their accesses', async () => {
    const token = await signIn('staff-boston-care-manager');
    const read = await apiClientWithToken(cloud, token).get('/v1/worklist', {
      'x-correlation-id': 'person-read-1',
    });
    expect(read.status).toBe(200);
    await cloud.settle();
    const compliance = await apiClient(cloud, 'practice-boston-compliance');
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
