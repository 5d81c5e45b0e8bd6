import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { at, openedCase } from '../testing/fixtures';
import {
  type Assessment,
  type AssessmentSections,
  assessmentDeadlines,
  assessmentStatus,
  beginAssessment,
  completeAssessment,
  missingSections,
  recordSection,
} from './assessment';
import { AssessmentIncompleteError, InvalidInputError } from './errors';

const sections: AssessmentSections = {
  medical: {
    conditions: [{ icd10: 'E11.9', display: 'Type 2 diabetes' }],
    allergies: [],
    hospitalizationsLast12Months: 1,
    edVisitsLast12Months: 0,
  },
  functionalCognitive: {
    adlDependencies: [],
    iadlDependencies: ['transportation'],
    cognitiveImpairment: 'none',
    fallsLast12Months: 0,
  },
  psychosocial: { phq9: 4, socialIsolation: false, substanceUseConcern: false },
  environmental: { housing: 'stable', homeSafetyConcerns: false, livesAlone: true },
  caregiver: { hasCaregiver: true, relationship: 'child', caregiverStrain: 'mild' },
  medications: {
    activeMedicationCount: 7,
    highRiskMedications: true,
    adherence: 'partial',
    reconciled: true,
  },
  socialNeeds: {
    foodInsecurity: false,
    housingInstability: false,
    transportationBarrier: true,
    utilityNeeds: false,
    interpersonalSafetyConcern: false,
  },
};

const assessment = (begunAt: string, completedAt?: string): Assessment => ({
  assessmentId: 'a-1',
  caseId: 'case-1',
  begunAt,
  ...(completedAt ? { completedAt } : {}),
  sections,
});

describe('assessmentDeadlines', () => {
  it.each([
    ['2026-01-15', '2026-02-14', '2026-03-16'],
    ['2026-01-31', '2026-03-02', '2026-04-01'],
    ['2028-01-31', '2028-03-01', '2028-03-31'],
    ['2026-12-15', '2027-01-14', '2027-02-13'],
  ])('counts 30 and 60 calendar days from identification on %s', (identified, beginBy, completeBy) => {
    expect(assessmentDeadlines(identified)).toEqual({ beginBy, completeBy });
  });

  it('always puts the completion deadline 30 days after the begin deadline', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const identified = d.toISOString().slice(0, 10);
          const { beginBy, completeBy } = assessmentDeadlines(identified);
          expect(Temporal.PlainDate.from(beginBy).until(completeBy).days).toBe(30);
          expect(Temporal.PlainDate.from(identified).until(beginBy).days).toBe(30);
        },
      ),
    );
  });
});

describe('assessmentStatus', () => {
  // Identified 2026-01-15 in New York: begin by 2026-02-14, complete by 2026-03-16 (local days).
  it.each([
    ['not begun, before the begin deadline', undefined, '2026-02-14T23:00:00Z', 'on-track'],
    ['not begun, begin deadline passed', undefined, '2026-02-15T12:00:00Z', 'begin-overdue'],
    ['not begun, completion deadline passed', undefined, '2026-03-17T12:00:00Z', 'completion-overdue'],
    [
      'begun on time, not complete, still in time',
      assessment('2026-02-01T15:00:00Z'),
      '2026-03-10T12:00:00Z',
      'on-track',
    ],
    [
      'begun on time, completion deadline passed',
      assessment('2026-02-01T15:00:00Z'),
      '2026-03-17T12:00:00Z',
      'completion-overdue',
    ],
    [
      'begun late, completion still possible',
      assessment('2026-02-20T15:00:00Z'),
      '2026-02-21T12:00:00Z',
      'begin-overdue',
    ],
    [
      'completed on time',
      assessment('2026-02-01T15:00:00Z', '2026-03-01T15:00:00Z'),
      '2026-09-01T12:00:00Z',
      'on-track',
    ],
    [
      'completed late',
      assessment('2026-02-01T15:00:00Z', '2026-03-20T15:00:00Z'),
      '2026-09-01T12:00:00Z',
      'completion-overdue',
    ],
    [
      'begun late but completed on time',
      assessment('2026-02-20T15:00:00Z', '2026-03-01T15:00:00Z'),
      '2026-09-01T12:00:00Z',
      'begin-overdue',
    ],
  ])('%s -> %s', (_label, current, now, status) => {
    expect(assessmentStatus(openedCase(), current, at(now)).status).toBe(status);
  });

  it("judges deadlines by the practice's calendar day, not UTC", () => {
    // 03:30 UTC on the 17th is still the 16th (the last allowed day) in New York.
    const late = assessment('2026-02-01T15:00:00Z', '2026-03-17T03:30:00Z');
    expect(assessmentStatus(openedCase(), late, at('2026-04-01T00:00:00Z')).status).toBe('on-track');
    const utc = openedCase({ timeZone: 'UTC' });
    expect(assessmentStatus(utc, late, at('2026-04-01T00:00:00Z')).status).toBe('completion-overdue');
  });

  it('reports the deadlines it used', () => {
    expect(assessmentStatus(openedCase(), undefined, at('2026-01-20T00:00:00Z'))).toEqual({
      status: 'on-track',
      beginBy: '2026-02-14',
      completeBy: '2026-03-16',
    });
  });
});

describe('assessment sections', () => {
  it('cannot complete while sections are missing, and lists them', () => {
    let draft = beginAssessment(openedCase(), 'a-1', at('2026-01-20T15:00:00Z'));
    draft = recordSection(draft, 'medical', sections.medical);
    draft = recordSection(draft, 'caregiver', sections.caregiver);
    expect(missingSections(draft)).toEqual([
      'functionalCognitive',
      'psychosocial',
      'environmental',
      'medications',
      'socialNeeds',
    ]);
    expect(() => completeAssessment(draft, at('2026-01-25T15:00:00Z'))).toThrow(AssessmentIncompleteError);
  });

  it('completes once every section is recorded', () => {
    let draft = beginAssessment(openedCase(), 'a-1', at('2026-01-20T15:00:00Z'));
    for (const [name, data] of Object.entries(sections)) {
      draft = recordSection(draft, name as keyof AssessmentSections, data as never);
    }
    const done = completeAssessment(draft, at('2026-01-25T15:00:00Z'));
    expect(done.completedAt).toBe('2026-01-25T15:00:00Z');
    expect(done.sections).toEqual(sections);
  });

  it('rejects an out-of-range screen score without echoing it', () => {
    const draft = beginAssessment(openedCase(), 'a-1', at('2026-01-20T15:00:00Z'));
    const act = () => recordSection(draft, 'psychosocial', { ...sections.psychosocial, phq9: 31 });
    expect(act).toThrow(InvalidInputError);
    expect(act).toThrow(/psychosocial\.phq9/);
    expect(act).not.toThrow(/31/);
  });
});
