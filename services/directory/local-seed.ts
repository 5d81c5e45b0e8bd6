import { randomUUID } from 'node:crypto';
import type { LocalSeedApi, LocalSeedResult, SeededPartnerClient } from '@carelink/contracts';
import type {
  CreateAgreementBody,
  CreatePartnerBody,
  CreatePracticeBody,
  CreateTenantBody,
} from '@carelink/contracts/api/directory';
import type * as z from 'zod';

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
  },
];

const partners: z.input<typeof CreatePartnerBody>[] = [
  { partnerId: 'northwind-health', name: 'Northwind Health Plan' },
  { partnerId: 'lakeside-clinics', name: 'Lakeside Clinics Network' },
  { partnerId: 'harbor-health', name: 'Harbor Health Plan' },
];

const allPrograms = ['case-management', 'ccm', 'pcm', 'tcm'] as const;

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
  // Every service's projection of the directory is in place before anyone refers a member.
  await api.settle();
  return { partners: issued };
}
