import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  canTransitionReferral,
  type ReferralStatus,
  sendReferral,
  transitionReferral,
} from './community-referrals';
import { IllegalReferralTransitionError } from './errors';

const sentAt = Temporal.Instant.from('2026-05-01T14:00:00Z');
const later = Temporal.Instant.from('2026-05-03T14:00:00Z');

function sent() {
  return sendReferral({
    id: 'ref-1',
    caseId: 'case-1',
    category: 'food-assistance',
    organizationId: 'org-9',
    by: 'staff-1',
    at: sentAt,
  }).referral;
}

function walk(path: readonly ReferralStatus[]) {
  let referral = sent();
  for (const status of path)
    referral = transitionReferral(referral, status, { by: 'org-9', at: later }).referral;
  return referral;
}

describe('community referral loop', () => {
  it('starts as sent with an audited history and an event', () => {
    const { referral, events } = sendReferral({
      id: 'ref-1',
      caseId: 'case-1',
      category: 'housing-assistance',
      organizationId: 'org-9',
      by: 'staff-1',
      at: sentAt,
    });
    expect(referral.status).toBe('sent');
    expect(referral.history).toEqual([{ status: 'sent', at: sentAt, by: 'staff-1' }]);
    expect(events[0]).toMatchObject({
      type: 'CommunityReferralSent',
      referralId: 'ref-1',
      at: sentAt.toString(),
    });
  });

  it.each([[['accepted', 'completed']], [['accepted', 'declined']]] as const)(
    'follows the path %o',
    (path) => {
      const referral = walk(path);
      expect(referral.status).toBe(path.at(-1));
      expect(referral.history.map((change) => change.status)).toEqual(['sent', ...path]);
    },
  );

  it('emits the previous and new status on each change', () => {
    const { events } = transitionReferral(sent(), 'accepted', { by: 'org-9', at: later });
    expect(events[0]).toMatchObject({ type: 'CommunityReferralStatusChanged', from: 'sent', to: 'accepted' });
  });

  it.each([
    [[], 'completed'],
    [[], 'declined'],
    [[], 'sent'],
    [['accepted'], 'accepted'],
    [['accepted'], 'sent'],
    [['accepted', 'completed'], 'declined'],
    [['accepted', 'completed'], 'accepted'],
    [['accepted', 'declined'], 'completed'],
  ] as const)('rejects moving from the end of %o to %s', (path, to) => {
    const referral = walk(path);
    expect(() => transitionReferral(referral, to, { by: 'org-9', at: later })).toThrow(
      IllegalReferralTransitionError,
    );
    expect(canTransitionReferral(referral.status, to)).toBe(false);
  });

  it('does not change the referral it rejects', () => {
    const referral = sent();
    try {
      transitionReferral(referral, 'completed', { by: 'org-9', at: later });
    } catch (error) {
      expect(error).toMatchObject({ code: 'ILLEGAL_REFERRAL_TRANSITION', from: 'sent', to: 'completed' });
    }
    expect(referral.status).toBe('sent');
    expect(referral.history).toHaveLength(1);
  });
});
