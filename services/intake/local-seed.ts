import type { LocalSeedApi } from '@carelink/contracts';
import type { CreateReferralBody } from '@carelink/contracts/api/intake';
import type * as z from 'zod/mini';

type ReferralInput = z.input<typeof CreateReferralBody>;

const demo: { clientId: string; referral: ReferralInput }[] = [
  {
    clientId: 'northwind-health',
    referral: {
      externalReferralId: 'ACME-DEMO-0001',
      member: {
        memberId: 'ACME-M-1001',
        name: { given: ['Maria'], family: 'Lopez' },
        birthDate: '1951-04-12',
        sex: 'female',
        phone: '+16175550123',
        address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
        preferredLanguage: 'es',
        timeZone: 'America/New_York',
        mbi: '5QR7HJ2KM41',
      },
      coverage: { payerId: 'acme-ma', planType: 'medicare-advantage', startDate: '2026-01-01' },
      reason: { type: 'chronic-care', description: 'Diabetes and heart failure, frequent ED use' },
      diagnoses: [{ code: 'E11.9' }, { code: 'I50.22' }, { code: 'N18.3' }],
      requestedPrograms: ['ccm'],
      priority: 'routine',
      utilization: { admissions6m: 1, edVisits6m: 3 },
      attributedPractitioner: { npi: '1234567893', lastVisitDate: '2026-06-15' },
    },
  },
  {
    clientId: 'northwind-health',
    referral: {
      externalReferralId: 'ACME-DEMO-0002',
      member: {
        memberId: 'ACME-M-1002',
        name: { given: ['James'], family: 'Okafor' },
        birthDate: '1947-09-30',
        sex: 'male',
        phone: '+16175550188',
        address: { line1: '40 Tremont St', city: 'Boston', state: 'MA', postalCode: '02108' },
        preferredLanguage: 'en',
        timeZone: 'America/New_York',
      },
      coverage: { payerId: 'acme-medicare', planType: 'medicare', startDate: '2025-01-01' },
      reason: {
        type: 'post-discharge',
        description: 'Discharged after COPD exacerbation',
        dischargeDate: '2026-10-28',
        dischargeFacility: { type: 'inpatient', name: 'Mass General' },
      },
      diagnoses: [{ code: 'J44.1' }],
      requestedPrograms: ['tcm', 'ccm'],
      priority: 'urgent',
      utilization: { admissions6m: 2, edVisits6m: 1 },
    },
  },
  {
    clientId: 'lakeside-clinics',
    referral: {
      externalReferralId: 'BP-DEMO-0001',
      member: {
        memberId: 'BP-M-2001',
        name: { given: ['Ana'], family: 'Reyes' },
        birthDate: '1958-02-03',
        sex: 'female',
        phone: '+13035550142',
        address: { line1: '900 Colfax Ave', city: 'Denver', state: 'CO', postalCode: '80204' },
        preferredLanguage: 'en',
        timeZone: 'America/Denver',
      },
      coverage: { payerId: 'bluepeak-mcd', planType: 'medicaid', startDate: '2026-03-01' },
      reason: { type: 'high-utilizer', description: 'Six ED visits this half year' },
      diagnoses: [{ code: 'I10' }, { code: 'F32.9' }],
      requestedPrograms: ['case-management'],
      priority: 'routine',
      utilization: { admissions6m: 0, edVisits6m: 6 },
    },
  },
];

/** Demo referrals for `npm start`, sent through the API; a second start finds them (409) and moves on. */
export async function seed(api: LocalSeedApi): Promise<void> {
  for (const { clientId, referral } of demo) {
    const response = await fetch(`${api.apiUrl}/v1/referrals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.token(clientId)}`,
        'content-type': 'application/json',
        'idempotency-key': `seed-${referral.externalReferralId}`,
      },
      body: JSON.stringify(referral),
    });
    if (response.status !== 201 && response.status !== 409)
      throw new Error(`seeding referral ${referral.externalReferralId} failed with ${response.status}`);
  }
}
