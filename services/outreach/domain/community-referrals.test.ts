import { parseInstant } from '@carelink/calendar';
import { describe, expect, it } from 'vitest';
import {
  canTransitionReferral,
  latestReason,
  type ReferralStatus,
  sendReferral,
  taskStatusOfReferral,
  transitionReferral,
} from './community-referrals';
import { IllegalReferralTransitionError, ReferralReasonRequiredError } from './errors';

const sentAt = parseInstant('2026-05-01T14:00:00Z');
const later = parseInstant('2026-05-03T14:00:00Z');

const sent = () =>
  sendReferral({
    id: 'ref-1',
    caseId: 'case-1',
    category: 'food-assistance',
    organizationId: 'org-9',
    by: 'staff-1',
    at: sentAt,
  });

const statuses: ReferralStatus[] = ['sent', 'accepted', 'rejected', 'completed', 'cancelled'];

describe('community referral closed loop', () => {
  it('starts as sent, with the sender and a reason in its history', () => {
    const referral = sent();
    expect(referral.status).toBe('sent');
    expect(referral.history).toEqual([
      { status: 'sent', at: sentAt, by: 'staff-1', reason: 'referral-sent' },
    ]);
    expect(taskStatusOfReferral[referral.status]).toBe('requested');
  });

  it('allows exactly sent → accepted | rejected | cancelled and accepted → completed | cancelled', () => {
    const allowed = new Set([
      'sent>accepted',
      'sent>rejected',
      'sent>cancelled',
      'accepted>completed',
      'accepted>cancelled',
    ]);
    for (const from of statuses)
      for (const to of statuses)
        expect(canTransitionReferral(from, to), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
  });

  it('completes with default reasons and keeps every step', () => {
    const accepted = transitionReferral(sent(), 'accepted', { by: 'staff-2', at: later });
    const completed = transitionReferral(accepted, 'completed', { by: 'staff-2', at: later });
    expect(completed.history.map((h) => [h.status, h.reason])).toEqual([
      ['sent', 'referral-sent'],
      ['accepted', 'accepted-by-organization'],
      ['completed', 'service-provided'],
    ]);
    expect(latestReason(completed)).toBe('service-provided');
    expect(taskStatusOfReferral.completed).toBe('completed');
  });

  it('needs a reason to reject or cancel', () => {
    expect(() => transitionReferral(sent(), 'rejected', { by: 'staff-2', at: later })).toThrow(
      ReferralReasonRequiredError,
    );
    const cancelled = transitionReferral(sent(), 'cancelled', {
      by: 'staff-2',
      at: later,
      reason: 'patient-declined',
    });
    expect(latestReason(cancelled)).toBe('patient-declined');
  });

  it('refuses steps out of the final statuses', () => {
    const rejected = transitionReferral(sent(), 'rejected', { by: 'org', at: later, reason: 'no-capacity' });
    expect(() => transitionReferral(rejected, 'accepted', { by: 'org', at: later })).toThrow(
      IllegalReferralTransitionError,
    );
    const accepted = transitionReferral(sent(), 'accepted', { by: 'org', at: later });
    const completed = transitionReferral(accepted, 'completed', { by: 'org', at: later });
    expect(() =>
      transitionReferral(completed, 'cancelled', { by: 'org', at: later, reason: 'other' }),
    ).toThrow(IllegalReferralTransitionError);
  });
});
