import type { PatientMonthInput, TimeEntry } from '../domain/month-schema';

/** The practitioner who bills in the fixtures. */
export const BILLER = 'prac-1';
/** Another practitioner of the fixtures. */
export const OTHER = 'prac-2';

/** A March 2026 patient-month in New York with consent and a care plan, and no time yet. */
export const baseInput = (overrides: Partial<PatientMonthInput> = {}): PatientMonthInput => ({
  month: '2026-03',
  timeZone: 'America/New_York',
  careModel: 'time-based',
  lastQualifyingVisitAt: '2025-11-20T15:00:00Z',
  patient: { chronicConditionCount: 3, qmb: false },
  consent: {
    obtainedAt: '2026-01-10T15:00:00Z',
    revokedAt: null,
    billingPractitionerId: BILLER,
    programs: ['ccm', 'pcm'],
  },
  carePlan: { establishedAt: '2026-01-10T16:00:00Z', revisedAt: null, substantialRevisionInMonth: false },
  medicalDecisionMaking: 'low',
  timeEntries: [],
  otherBilled: [],
  billingPractitionerId: BILLER,
  ...overrides,
});

/** A time entry; defaults to clinical staff CCM time in the middle of March 2026. */
export const entry = (minutes: number, overrides: Partial<TimeEntry> = {}): TimeEntry => ({
  at: '2026-03-10T15:00:00Z',
  minutes,
  performer: 'clinical-staff',
  practitionerId: 'staff-9',
  program: 'ccm',
  ...overrides,
});

/** Physician time by the billing practitioner. */
export const physician = (minutes: number, overrides: Partial<TimeEntry> = {}): TimeEntry =>
  entry(minutes, { performer: 'physician', practitionerId: BILLER, ...overrides });
