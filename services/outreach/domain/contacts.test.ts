import { addMilliseconds, DAY_MS, type Instant, MINUTE_MS, parseInstant } from '@carelink/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_OUTCOMES,
  type ContactAttempt,
  type ContactOutcome,
  type Escalation,
  monthlyContactStatus,
  recordContactAttempt,
} from './contacts';

const zone = 'America/New_York';
const firstDay = parseInstant('2026-03-02T15:00:00Z');

function run(outcomes: readonly ContactOutcome[], at: (index: number) => Instant = dayOf) {
  const history: ContactAttempt[] = [];
  const escalations: { index: number; escalation: Escalation }[] = [];
  outcomes.forEach((outcome, index) => {
    const result = recordContactAttempt(
      {
        id: `att-${index}`,
        caseId: 'case-1',
        channel: 'phone',
        outcome,
        attemptedAt: at(index),
        performedBy: 'chw-1',
      },
      { history, patientTimeZone: zone, primaryCaseManagerId: 'cm-1', now: at(index) },
    );
    history.push(result.attempt);
    if (result.escalation) escalations.push({ index, escalation: result.escalation });
  });
  return { history, escalations };
}

function dayOf(index: number): Instant {
  return addMilliseconds(firstDay, index * DAY_MS);
}

describe('contact attempts', () => {
  it('escalates to the primary case manager on the third failed attempt and never again that month', () => {
    const { escalations } = run(['no-answer', 'voicemail', 'wrong-number', 'declined', 'no-answer']);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.index).toBe(2);
    expect(escalations[0]?.escalation).toMatchObject({
      caseId: 'case-1',
      assigneeId: 'cm-1',
      month: '2026-03',
      reason: 'unreachable',
      failedAttempts: 3,
    });
  });

  it('emits the escalation event with the attempt', () => {
    const history = run(['no-answer', 'no-answer']).history;
    const result = recordContactAttempt(
      {
        id: 'att-x',
        caseId: 'case-1',
        channel: 'sms',
        outcome: 'no-answer',
        attemptedAt: dayOf(5),
        performedBy: 'chw-1',
      },
      { history, patientTimeZone: zone, primaryCaseManagerId: 'cm-1', now: dayOf(5) },
    );
    expect(result.events.map((event) => event.type)).toEqual(['ContactAttemptRecorded', 'ContactEscalated']);
  });

  it.each([
    [['reached', 'no-answer', 'no-answer', 'no-answer']],
    [['no-answer', 'reached', 'no-answer', 'no-answer', 'voicemail']],
    [['no-answer', 'no-answer', 'reached']],
  ] as const)('does not escalate once the patient was reached: %o', (outcomes) => {
    expect(run(outcomes).escalations).toEqual([]);
  });

  it('counts failures per calendar month in the patient time zone', () => {
    const times = ['2026-03-30T15:00:00Z', '2026-04-01T03:30:00Z', '2026-04-01T15:00:00Z'].map((iso) =>
      parseInstant(iso),
    );
    const { history, escalations } = run(['no-answer', 'no-answer', 'no-answer'], (index) => times[index]!);
    expect(escalations).toEqual([]);
    expect(monthlyContactStatus(history, 'case-1', '2026-03', zone)).toEqual({
      reached: false,
      failedAttempts: 2,
    });
    expect(monthlyContactStatus(history, 'case-1', '2026-04', zone)).toEqual({
      reached: false,
      failedAttempts: 1,
    });
  });

  it('raises the same escalation when a third attempt is retried', () => {
    const { history, escalations } = run(['no-answer', 'no-answer', 'no-answer']);
    const retried = recordContactAttempt(history[2], {
      history,
      patientTimeZone: zone,
      primaryCaseManagerId: 'cm-1',
      now: dayOf(9),
    });
    expect(retried.escalation?.id).toBe(escalations[0]?.escalation.id);
  });

  it('escalates exactly when three failures come before any success', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CONTACT_OUTCOMES), { maxLength: 25 }), (outcomes) => {
        const firstSuccess = outcomes.indexOf('reached');
        const beforeSuccess = firstSuccess === -1 ? outcomes : outcomes.slice(0, firstSuccess);
        const expected = beforeSuccess.length >= 3 ? [2] : [];
        expect(
          run(outcomes, (index) => addMilliseconds(firstDay, index * MINUTE_MS)).escalations.map(
            (e) => e.index,
          ),
        ).toEqual(expected);
      }),
    );
  });
});
