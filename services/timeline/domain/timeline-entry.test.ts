import {
  AssessmentCompletedV1,
  CarePlanRevisedV1,
  ClaimFinalizedV1,
  ContactCompletedV1,
  RiskFlaggedV1,
  ScreeningScoredV1,
  TimeLoggedV1,
  VitalRecordedV1,
} from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { timelineEntries } from './timeline-entry';

const at = '2026-10-05T15:00:00.000Z';

describe('timeline entries', () => {
  it('shows a vital against the thresholds it crossed, or says it was within them', () => {
    const within = timelineEntries.VitalRecorded(VitalRecordedV1.example);
    expect(within).toMatchObject({ kind: 'vital', title: 'Blood pressure' });
    expect(within.facts).toEqual([
      { label: 'Reading', value: '142/88 mm[Hg]' },
      { label: 'Thresholds', value: 'within' },
    ]);
    const high = timelineEntries.VitalRecorded({
      ...VitalRecordedV1.example,
      type: 'glucose',
      value: 412,
      diastolic: undefined,
      unit: 'mg/dL',
      flagCodes: ['GLUCOSE_ABOVE_400'],
    });
    expect(high.title).toBe('Blood glucose outside thresholds');
    expect(high.facts).toEqual([
      { label: 'Reading', value: '412 mg/dL' },
      { label: 'Thresholds', value: 'GLUCOSE_ABOVE_400' },
    ]);
  });

  it('says which parts of the care plan a revision changed, by name only', () => {
    const entry = timelineEntries.CarePlanRevised({
      ...CarePlanRevisedV1.example,
      changedSections: ['goals', 'medicationManagement'],
    });
    expect(entry.facts[1]).toEqual({ label: 'Changed', value: 'goals, medication management' });
    const older = timelineEntries.CarePlanRevised({
      ...CarePlanRevisedV1.example,
      changedSections: undefined,
    });
    expect(older.facts.map((f) => f.label)).not.toContain('Changed');
  });

  it('shows a finalised claim with its codes and units', () => {
    expect(timelineEntries.ClaimFinalized(ClaimFinalizedV1.example, at)).toEqual({
      at,
      kind: 'claim',
      title: 'Claim finalised for 2026-10',
      facts: [{ label: 'Codes', value: '99490 × 1, 99439 × 1' }],
    });
  });

  it('dates a completed assessment with its completion', () => {
    const entry = timelineEntries.AssessmentCompleted(AssessmentCompletedV1.example);
    expect(entry).toMatchObject({
      at: AssessmentCompletedV1.example.completedAt,
      kind: 'assessment',
      title: 'Comprehensive assessment completed',
    });
  });

  it('dates an entry with the moment the step happened, not when the event was sent', () => {
    const entry = timelineEntries.TimeLogged({ ...TimeLoggedV1.example, startedAt: at });
    expect(entry).toMatchObject({ at, kind: 'time', title: 'Time logged' });
    expect(entry.facts).toContainEqual({ label: 'Minutes', value: String(TimeLoggedV1.example.minutes) });
  });

  it('names a voided time entry and an urgent flag for what they are', () => {
    expect(timelineEntries.TimeLogged({ ...TimeLoggedV1.example, voided: true }).title).toBe(
      'Time entry voided',
    );
    expect(timelineEntries.RiskFlagged({ ...RiskFlaggedV1.example, severity: 'urgent' }).title).toBe(
      'Urgent risk flag',
    );
  });

  it('keeps scores and outcomes, and leaves out facts an event does not have', () => {
    const screening = timelineEntries.ScreeningScored(ScreeningScoredV1.example);
    expect(screening.facts.map((f) => f.label)).toEqual(['Instrument', 'Score', 'Band']);
    const contact = timelineEntries.ContactCompleted(ContactCompletedV1.example);
    expect(contact.facts.map((f) => f.label)).toEqual(['Channel', 'Outcome', 'By']);
    const cancelled = timelineEntries.ReferralCancelled(
      {
        referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
        patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
        reasonCode: 'duplicate',
      },
      at,
    );
    expect(cancelled).toEqual({
      at,
      kind: 'referral',
      title: 'Referral cancelled',
      facts: [{ label: 'Reason', value: 'duplicate' }],
    });
  });

  it('shows what decided an ineligible program rather than every reason', () => {
    const entry = timelineEntries.EligibilityDetermined(
      {
        referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
        patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
        practiceId: 'practice-boston',
        determinationVersion: 2,
        planType: 'commercial',
        programs: [
          {
            program: 'ccm',
            status: 'ineligible',
            reasons: ['CHRONIC_CONDITIONS_MET', 'NOT_MEDICARE'],
            blockingReasons: ['NOT_MEDICARE'],
          },
        ],
        conditionCategories: ['diabetes', 'copd'],
        complexConditionForPcm: false,
        timeZone: 'America/New_York',
      },
      at,
    );
    expect(entry.title).toBe('Eligibility determined again');
    expect(entry.facts[0]).toEqual({ label: 'CCM', value: 'ineligible (NOT_MEDICARE)' });
  });
});

describe('case entries', () => {
  it('names care team changes and late assessments', () => {
    const reassigned = timelineEntries.CareTeamChanged(
      {
        caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
        patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
        practiceId: 'practice-boston',
        change: 'secondary-added',
        staffId: 'staff-boston-pharmacist',
        service: 'pharmacy',
      },
      at,
    );
    expect(reassigned.title).toBe('Secondary case manager added');
    expect(reassigned.facts).toEqual([
      { label: 'Staff', value: 'staff-boston-pharmacist' },
      { label: 'Service', value: 'pharmacy' },
    ]);
    const late = timelineEntries.AssessmentOverdue(
      {
        caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
        patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
        practiceId: 'practice-boston',
        primaryStaffId: 'staff-boston-care-manager',
        milestone: 'complete',
        dueAt: '2026-10-31T04:00:00Z',
      },
      at,
    );
    expect(late.title).toBe('Assessment not completed on time');
  });
});
