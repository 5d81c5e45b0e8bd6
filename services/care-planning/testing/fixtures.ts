import { type Instant, parseInstant } from '@carelink/calendar';
import type { CarePlan } from '../domain/care-plan';
import { addSecondary } from '../domain/care-team';
import { type Case, openCase } from '../domain/case';
import type { StaffMember } from '../domain/roster';

/** Test support: an instant from an ISO string. */
export const at = (iso: string): Instant => parseInstant(iso);

/** Test support: a staff member with sensible defaults. */
export const staff = (overrides: Partial<StaffMember> & Pick<StaffMember, 'staffId'>): StaffMember => ({
  practiceId: 'practice-1',
  role: 'care-manager',
  services: [],
  skills: [],
  languages: ['en'],
  capacity: 10,
  activeCases: 0,
  active: true,
  ...overrides,
});

/** Test support: an open CCM case whose primary is `cm-1`. */
export const openedCase = (overrides: Partial<Parameters<typeof openCase>[0]> = {}): Case =>
  openCase(
    {
      caseId: 'case-1',
      tenantId: 'tenant-1',
      practiceId: 'practice-1',
      patientId: 'patient-1',
      referralId: 'referral-1',
      program: 'ccm',
      identifiedAt: '2026-01-15',
      timeZone: 'America/New_York',
      primaryStaffId: 'cm-1',
      ...overrides,
    },
    at('2026-01-16T15:00:00Z'),
  ).case;

/** Test support: a case with `cm-1` primary, `nut-1` on nutrition and `rx-1` on pharmacy. */
export const teamCase = (): Case => {
  const withNutrition = addSecondary(openedCase(), 'nut-1', 'nutrition', at('2026-01-17T15:00:00Z')).case;
  return addSecondary(withNutrition, 'rx-1', 'pharmacy', at('2026-01-17T16:00:00Z')).case;
};

/** Test support: a plan holding every element CMS requires. */
export const completePlan = (): CarePlan => ({
  problems: [
    { id: 'p-dm', description: 'Type 2 diabetes', icd10: 'E11.9' },
    { id: 'p-htn', description: 'High blood pressure', icd10: 'I10' },
  ],
  expectedOutcome: 'Stable blood sugar and blood pressure at home',
  prognosis: 'Good with adherence',
  goals: [
    {
      id: 'g-a1c',
      description: 'Keep HbA1c below 8%',
      owner: 'primary',
      problemIds: ['p-dm'],
      measures: [{ metric: 'Hemoglobin A1c', loinc: '4548-4', comparator: '<', value: 8, unit: '%' }],
      targetDate: '2026-07-15',
    },
    {
      id: 'g-meal',
      description: 'Follow the meal plan',
      owner: 'nutrition',
      problemIds: ['p-dm'],
      measures: [{ metric: 'Days a week on the meal plan', comparator: '>=', value: 5, unit: '/wk' }],
      targetDate: '2026-04-15',
    },
    {
      id: 'g-bp',
      description: 'Keep blood pressure below 130/80',
      owner: 'primary',
      problemIds: ['p-htn'],
      measures: [
        { metric: 'Systolic blood pressure', loinc: '8480-6', comparator: '<', value: 130, unit: 'mm[Hg]' },
        { metric: 'Diastolic blood pressure', loinc: '8462-4', comparator: '<', value: 80, unit: 'mm[Hg]' },
      ],
      targetDate: '2026-04-15',
    },
  ],
  symptomManagement: ['Check blood sugar daily and keep a log.'],
  interventions: [
    {
      id: 'i-a1c',
      description: 'HbA1c test',
      kind: 'screening',
      responsible: 'primary',
      cadence: { every: 3, unit: 'month' },
      goalIds: ['g-a1c'],
    },
    {
      id: 'i-meal',
      description: 'Meal planning coaching',
      kind: 'education',
      responsible: 'nutrition',
      goalIds: ['g-meal'],
    },
    {
      id: 'i-refill',
      description: 'Refill check',
      kind: 'medication-refill',
      responsible: 'pharmacy',
      cadence: { every: 1, unit: 'month' },
    },
  ],
  medicationManagement: { summary: 'Reconciled; weekly pill organiser', reconciledOn: '2026-01-20' },
  communityServices: {
    status: 'ordered',
    services: [
      {
        id: 'c-meals',
        description: 'Home-delivered meals',
        organization: 'County meals program',
        responsible: 'social-work',
      },
    ],
  },
  coordination: {
    status: 'coordinating',
    providers: [
      { id: 'o-endo', providerType: 'endocrinology', arrangement: 'Visit notes shared after each visit' },
    ],
  },
  reviewDate: '2026-04-20',
});
