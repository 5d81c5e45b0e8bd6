import type { LocalSeedApi } from '@carelink/contracts';

interface SeedStaff {
  staffId: string;
  role: 'care-manager' | 'clinical-staff';
  services: string[];
  skills: string[];
  languages: string[];
  capacity: number;
}

const chronicSkills = [
  'ccm',
  'pcm',
  'tcm',
  'case-management',
  'diabetes',
  'heart-failure',
  'hypertension',
  'copd',
  'chronic-kidney-disease',
];

/**
 * Each practice's roster. The care manager whose id is the seeded care-manager token's subject has
 * the widest skills and the most room, so the default English-speaking CCM case lands with them;
 * a Spanish-speaking colleague wins Spanish-speaking patients, and secondaries deliver services.
 */
export const rosterFor = (city: 'boston' | 'denver'): SeedStaff[] => [
  {
    staffId: `staff-${city}-care-manager`,
    role: 'care-manager',
    services: [],
    skills: chronicSkills,
    languages: ['en'],
    capacity: 40,
  },
  {
    staffId: `staff-${city}-cm-2`,
    role: 'care-manager',
    services: [],
    skills: ['ccm', 'case-management'],
    languages: ['en'],
    capacity: 20,
  },
  {
    staffId: `staff-${city}-cm-es`,
    role: 'care-manager',
    services: [],
    skills: ['ccm', 'pcm', 'diabetes'],
    languages: ['es', 'en'],
    capacity: 20,
  },
  {
    staffId: `staff-${city}-clinical-staff`,
    role: 'clinical-staff',
    services: ['nutrition'],
    skills: [],
    languages: ['en'],
    capacity: 0,
  },
  {
    staffId: `staff-${city}-bh-1`,
    role: 'clinical-staff',
    services: ['behavioral-health'],
    skills: [],
    languages: ['en'],
    capacity: 0,
  },
  {
    staffId: `staff-${city}-pharm-1`,
    role: 'clinical-staff',
    services: ['pharmacy'],
    skills: [],
    languages: ['en'],
    capacity: 0,
  },
];

/** Loads both practices' rosters through the roster API as each practice's staff admin (PUT, so reruns are harmless). */
export async function seed(api: LocalSeedApi): Promise<void> {
  for (const city of ['boston', 'denver'] as const) {
    const token = await api.token(`staff-${city}-staff-admin`);
    for (const { staffId, ...profile } of rosterFor(city)) {
      const response = await fetch(`${api.apiUrl}/v1/roster/staff/${staffId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...profile, active: true }),
      });
      if (response.status !== 200)
        throw new Error(`seeding the ${city} roster failed with ${response.status}`);
    }
  }
}
