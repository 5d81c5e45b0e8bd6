import { describe, expect, it } from 'vitest';
import { at, completePlan } from '../testing/fixtures';
import { programToOpen } from './case-opening';
import { deadlineInstant, isOverdue, localDateOf, milestoneDeadlines } from './deadlines';
import { plannedInterventions } from './planned-interventions';

describe('programToOpen', () => {
  it('prefers ccm over pcm, tcm and case management when several are eligible', () => {
    expect(
      programToOpen([
        { program: 'case-management', status: 'eligible' },
        { program: 'tcm', status: 'eligible' },
        { program: 'ccm', status: 'eligible' },
      ]),
    ).toBe('ccm');
  });

  it('skips programs that are not eligible', () => {
    expect(
      programToOpen([
        { program: 'ccm', status: 'ineligible' },
        { program: 'pcm', status: 'needs-information' },
        { program: 'tcm', status: 'eligible' },
      ]),
    ).toBe('tcm');
  });

  it('returns nothing when no program is eligible', () => {
    expect(programToOpen([{ program: 'ccm', status: 'ineligible' }])).toBeUndefined();
    expect(programToOpen([])).toBeUndefined();
  });
});

describe('plannedInterventions', () => {
  it('names common cadences, marks one-offs as once and keeps other intervals exact', () => {
    const plan = completePlan();
    plan.interventions.push({
      id: 'i-eye',
      description: 'Eye exam',
      kind: 'appointment',
      responsible: 'primary',
      cadence: { every: 12, unit: 'month' },
    });
    expect(plannedInterventions(plan)).toEqual([
      { interventionId: 'i-a1c', kind: 'screening', responsible: 'primary', cadence: 'quarterly' },
      { interventionId: 'i-meal', kind: 'education', responsible: 'nutrition', cadence: 'once' },
      { interventionId: 'i-refill', kind: 'medication-refill', responsible: 'pharmacy', cadence: 'monthly' },
      {
        interventionId: 'i-eye',
        kind: 'appointment',
        responsible: 'primary',
        interval: { every: 12, unit: 'month' },
      },
    ]);
  });

  it('carries no free text', () => {
    const facts = JSON.stringify(plannedInterventions(completePlan()));
    expect(facts).not.toContain('HbA1c test');
    expect(facts).not.toContain('Refill check');
  });
});

describe('assessment deadlines', () => {
  it('counts 30 and 60 calendar days from identification', () => {
    expect(milestoneDeadlines('2026-01-15')).toEqual([
      { milestone: 'begin', dueDate: '2026-02-14' },
      { milestone: 'complete', dueDate: '2026-03-16' },
    ]);
  });

  it('is overdue only once the whole deadline day has passed in the practice zone', () => {
    expect(deadlineInstant('2026-02-14', 'America/New_York').toString()).toBe('2026-02-15T05:00:00Z');
    expect(isOverdue('2026-02-14', 'America/New_York', at('2026-02-15T04:59:59Z'))).toBe(false);
    expect(isOverdue('2026-02-14', 'America/New_York', at('2026-02-15T05:00:00Z'))).toBe(true);
  });

  it('gives the local calendar day of an instant', () => {
    expect(localDateOf(at('2026-02-15T03:00:00Z'), 'America/Denver')).toBe('2026-02-14');
  });
});
