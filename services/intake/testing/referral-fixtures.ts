import type { CreateReferralBody } from '@carelink/contracts/api/intake';
import type * as z from 'zod';

let counter = 0;

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const letter = () => MBI_LETTERS[Math.floor(Math.random() * MBI_LETTERS.length)];

/**
 * A well-formed MBI of its own: the digits count up, the letters are random, so two fixtures are two
 * people (a shared MBI would make every referral the same patient).
 */
export function freshMbi(): string {
  const digits = String(counter).padStart(4, '0').slice(-4);
  return `${1 + (counter % 9)}${letter()}${letter()}${digits[0]}${letter()}${letter()}${digits[1]}${letter()}${letter()}${digits[2]}${digits[3]}`;
}

/** The member's identifying values every `referralBody` carries: none may reach an event or a log. */
export const memberPhi = [
  'Lopez',
  'Maria',
  '+16175550123',
  'maria@example.com',
  'Beacon',
  '1951-04-12',
] as const;

/** A valid referral body with a fresh external id (and member id unless given). */
export function referralBody(
  overrides: Partial<z.input<typeof CreateReferralBody>> = {},
): z.input<typeof CreateReferralBody> {
  counter += 1;
  const suffix = `${Date.now().toString(36)}-${counter}`;
  return {
    externalReferralId: `EXT-${suffix}`,
    member: {
      memberId: `M-${suffix}`,
      name: { given: ['Maria'], family: 'Lopez' },
      birthDate: '1951-04-12',
      sex: 'female',
      phone: '+16175550123',
      email: 'maria@example.com',
      address: { line1: '12 Beacon St', city: 'Boston', state: 'MA', postalCode: '02108' },
      preferredLanguage: 'es',
      timeZone: 'America/New_York',
      mbi: freshMbi(),
    },
    coverage: { payerId: 'acme-ma', planType: 'medicare-advantage', startDate: '2026-01-01' },
    reason: { type: 'chronic-care', description: 'Uncontrolled diabetes and CHF' },
    diagnoses: [{ code: 'e11.9' }, { code: 'I50.22' }],
    requestedPrograms: ['ccm'],
    priority: 'routine',
    utilization: { admissions6m: 1, edVisits6m: 2 },
    ...overrides,
  };
}
