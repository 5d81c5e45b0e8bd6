import { randomBytes, randomUUID } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type {
  CognitoEndpoint,
  LocalSeedApi,
  LocalSeedResult,
  SeededPartnerClient,
  SeededStaffUser,
} from '@carelink/contracts';
import type {
  CreateAgreementBody,
  CreatePartnerBody,
  CreatePracticeBody,
  CreateStaffMemberBody,
  CreateTenantBody,
} from '@carelink/contracts/api/directory';
import { Secret, TOTP } from 'otpauth';
import type * as z from 'zod/mini';

const operator = 'carelink-operator';

const tenants: z.input<typeof CreateTenantBody>[] = [
  { tenantId: 'acme-health', name: 'Acme Health Medical Group' },
  { tenantId: 'bluepeak-health', name: 'BluePeak Care Partners' },
];

const practices: z.input<typeof CreatePracticeBody>[] = [
  {
    practiceId: 'practice-boston',
    tenantId: 'acme-health',
    name: 'Back Bay Primary Care',
    npi: '1234567893',
    tin: '04-2103594',
    timeZone: 'America/New_York',
    address: { line1: '1 Boylston St', city: 'Boston', state: 'MA', postalCode: '02116' },
    locality: { carrier: '14212', locality: '01' },
    careModel: 'time-based',
    callbackNumber: '+16175550100',
    billingPractitioners: [{ npi: '1234567893', name: 'Dr. Ana Ruiz' }],
    onCall: ['staff-boston-care-manager', 'staff-boston-billing-practitioner'],
    claimSettings: {
      placeOfService: '11',
      monthlyDateOfService: 'end-of-month',
      charges: {
        '99490': '95.00',
        '99439': '75.00',
        '99491': '120.00',
        '99487': '160.00',
        '99495': '240.00',
        '99496': '320.00',
      },
    },
  },
  {
    practiceId: 'practice-cambridge',
    tenantId: 'acme-health',
    name: 'Kendall Square Family Practice',
    npi: '1987654328',
    tin: '04-2103594',
    timeZone: 'America/New_York',
    address: { line1: '300 Main St', city: 'Cambridge', state: 'MA', postalCode: '02142' },
    locality: { carrier: '14212', locality: '01' },
    careModel: 'apcm',
    callbackNumber: '+16175550200',
    billingPractitioners: [{ npi: '1987654328', name: 'Dr. Lena Park' }],
  },
  {
    practiceId: 'practice-denver',
    tenantId: 'bluepeak-health',
    name: 'Front Range Family Medicine',
    npi: '1245319599',
    tin: '84-1234567',
    timeZone: 'America/Denver',
    address: { line1: '1600 Broadway', city: 'Denver', state: 'CO', postalCode: '80202' },
    locality: { carrier: '04112', locality: '01' },
    careModel: 'time-based',
    callbackNumber: '+13035550100',
    billingPractitioners: [{ npi: '1245319599', name: 'Dr. Sam Whitaker' }],
    onCall: ['staff-denver-care-manager', 'staff-denver-billing-practitioner'],
  },
];

const partners: z.input<typeof CreatePartnerBody>[] = [
  { partnerId: 'northwind-health', name: 'Northwind Health Plan' },
  { partnerId: 'lakeside-clinics', name: 'Lakeside Clinics Network' },
  { partnerId: 'harbor-health', name: 'Harbor Health Plan' },
];

const allPrograms = ['case-management', 'ccm', 'pcm', 'tcm'] as const;

/** One person per role at Boston and at Denver, with the staff ids their practice's roster uses. */
const people: z.input<typeof CreateStaffMemberBody>[] = (
  [
    ['acme-health', 'practice-boston', 'boston', '1234567893'],
    ['bluepeak-health', 'practice-denver', 'denver', '1245319599'],
  ] as const
).flatMap(([tenantId, practiceId, city, npi]) =>
  (
    [
      ['care-manager', 'RN'],
      ['clinical-staff', 'MA'],
      ['billing-practitioner', 'MD'],
      ['billing-lead', 'non-clinical'],
      ['staff-admin', 'non-clinical'],
      ['compliance', 'non-clinical'],
    ] as const
  ).map(([role, credential]) => ({
    staffId: `staff-${city}-${role}`,
    tenantId,
    practiceIds: [practiceId],
    name: `${city} ${role}`.replace(/(^|[\s-])\w/g, (c) => c.toUpperCase()),
    email: `${role}@${city}.carelink.example`,
    roles: [role],
    credential,
    ...(role === 'billing-practitioner' ? { npi } : {}),
  })),
);

/**
 * A new person's first sign-in, as they would do it: the temporary password, a password of their
 * own, then TOTP set up with an authenticator (here: otpauth). Returns what they sign in with.
 */
async function firstSignIn(
  cognito: CognitoEndpoint,
  username: string,
  temporaryPassword: string,
): Promise<{ password: string; totpSecret: string }> {
  const client = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: cognito.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const password = `Cl-${randomBytes(12).toString('base64url')}9a!`;
  const started = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cognito.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: temporaryPassword },
    }),
  );
  const changed = await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: cognito.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password },
    }),
  );
  const associated = await client.send(new AssociateSoftwareTokenCommand({ Session: changed.Session }));
  const totpSecret = associated.SecretCode as string;
  const code = new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate();
  const verified = await client.send(
    new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: code }),
  );
  await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: cognito.clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
      ChallengeResponses: { USERNAME: username },
    }),
  );
  client.destroy();
  return { password, totpSecret };
}

/** Harbor refers to both care organisations: its Colorado members go to Denver, the rest to Cambridge. */
const agreements: z.input<typeof CreateAgreementBody>[] = [
  {
    partnerId: 'northwind-health',
    practiceId: 'practice-boston',
    programs: [...allPrograms],
    effectiveFrom: '2026-01-01',
    routing: { default: true, attributedNpis: ['1234567893'] },
  },
  {
    partnerId: 'lakeside-clinics',
    practiceId: 'practice-denver',
    programs: [...allPrograms],
    effectiveFrom: '2026-01-01',
    routing: { default: true },
  },
  {
    partnerId: 'harbor-health',
    practiceId: 'practice-cambridge',
    programs: [...allPrograms],
    effectiveFrom: '2026-01-01',
    routing: { default: true },
  },
  {
    partnerId: 'harbor-health',
    practiceId: 'practice-denver',
    programs: [...allPrograms],
    effectiveFrom: '2026-01-01',
    routing: { states: ['CO'] },
  },
];

/**
 * The demo world, created through the admin API as an operator would: two care organisations,
 * three practices in two time zones, three partners and their network agreements. Reruns leave
 * existing records alone; each start issues every partner a fresh client and revokes the older ones.
 */
export async function seed(api: LocalSeedApi): Promise<LocalSeedResult> {
  const authorization = `Bearer ${await api.token(operator)}`;
  const call = async (method: string, path: string, body?: unknown, idempotencyKey?: string) => {
    const res = await fetch(`${api.apiUrl}${path}`, {
      method,
      headers: {
        authorization,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok && res.status !== 409)
      throw new Error(`directory seed: ${method} ${path} answered ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const create = (path: string, body: unknown, key: string) => call('POST', path, body, `seed-${key}`);

  for (const tenant of tenants) await create('/v1/directory/tenants', tenant, `tenant-${tenant.tenantId}`);
  for (const practice of practices)
    await create('/v1/directory/practices', practice, `practice-${practice.practiceId}`);
  for (const partner of partners)
    await create('/v1/directory/partners', partner, `partner-${partner.partnerId}`);

  const existing = (await call('GET', '/v1/directory/agreements?limit=100')).items as {
    partnerId: string;
    practiceId: string;
  }[];
  for (const agreement of agreements) {
    if (existing.some((a) => a.partnerId === agreement.partnerId && a.practiceId === agreement.practiceId))
      continue;
    await create(
      '/v1/directory/agreements',
      agreement,
      `agreement-${agreement.partnerId}-${agreement.practiceId}`,
    );
  }

  const issued: SeededPartnerClient[] = [];
  for (const { partnerId } of partners) {
    const clientsPath = `/v1/directory/partners/${partnerId}/clients`;
    const older = (await call('GET', clientsPath)).items as { clientId: string }[];
    const client = await call('POST', clientsPath, { description: 'Local demo client' }, randomUUID());
    issued.push({
      partnerId,
      clientId: String(client.clientId),
      clientSecret: String(client.clientSecret),
      scopes: client.scopes as string[],
    });
    for (const { clientId } of older) await call('DELETE', `${clientsPath}/${clientId}`);
  }
  // Side by side: a first sign-in is mostly password hashing, which runs on libuv's thread pool.
  const signedIn = await Promise.all(
    people.map(async (person): Promise<SeededStaffUser | undefined> => {
      const created = await call('POST', '/v1/directory/staff', person, randomUUID());
      // A person from an earlier run keeps the password and TOTP they chose then.
      if (created.status === 409) return undefined;
      const invitation = created.invitation as { temporaryPassword?: string } | undefined;
      if (!invitation?.temporaryPassword)
        throw new Error('directory seed: no temporary password to sign in with');
      const { password, totpSecret } = await firstSignIn(
        api.cognito,
        String(person.staffId),
        invitation.temporaryPassword,
      );
      return {
        tenantId: person.tenantId,
        practiceId: person.practiceIds[0] as string,
        staffId: String(person.staffId),
        username: String(person.staffId),
        password,
        totpSecret,
        roles: [...person.roles],
        credential: person.credential,
      };
    }),
  );
  const staffUsers = signedIn.filter((user) => user !== undefined);

  // Every service's projection of the directory is in place before anyone refers a member.
  await api.settle();
  return { partners: issued, staffUsers };
}
