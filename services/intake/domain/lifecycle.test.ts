import type { ReferralStatus } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from './errors';
import { canTransition, initialLifecycle, taskStatusOf, transition } from './lifecycle';

const statuses: ReferralStatus[] = [
  'received',
  'screening',
  'eligible',
  'ineligible',
  'enrolled',
  'closed',
  'cancelled',
];

describe('referral lifecycle', () => {
  it('starts received, requested, at version 1 with one history entry', () => {
    const state = initialLifecycle('2026-11-02T15:00:00.000Z');
    expect(state).toMatchObject({ status: 'received', taskStatus: 'requested', version: 1 });
    expect(state.history).toEqual([
      { from: null, to: 'received', at: '2026-11-02T15:00:00.000Z', businessStatus: state.businessStatus },
    ]);
  });

  it('walks the happy path, stamping each step and bumping the version', () => {
    let state = initialLifecycle('2026-11-02T15:00:00.000Z');
    const path: ReferralStatus[] = ['screening', 'eligible', 'enrolled', 'closed'];
    path.forEach((to, i) => {
      state = transition(state, to, `2026-11-0${i + 3}T15:00:00.000Z`);
    });
    expect(state).toMatchObject({ status: 'closed', taskStatus: 'completed', version: 5 });
    expect(state.history.map((h) => [h.from, h.to, h.at])).toEqual([
      [null, 'received', '2026-11-02T15:00:00.000Z'],
      ['received', 'screening', '2026-11-03T15:00:00.000Z'],
      ['screening', 'eligible', '2026-11-04T15:00:00.000Z'],
      ['eligible', 'enrolled', '2026-11-05T15:00:00.000Z'],
      ['enrolled', 'closed', '2026-11-06T15:00:00.000Z'],
    ]);
  });

  it('maps statuses to FHIR Task statuses', () => {
    expect(taskStatusOf).toEqual({
      received: 'requested',
      screening: 'requested',
      eligible: 'accepted',
      ineligible: 'rejected',
      enrolled: 'in-progress',
      closed: 'completed',
      cancelled: 'cancelled',
    });
  });

  it('lets every non-terminal status be cancelled and nothing leave closed or cancelled', () => {
    for (const from of statuses) {
      if (from === 'closed') for (const to of statuses) expect(canTransition(from, to)).toBe(false);
      else expect(canTransition(from, 'cancelled')).toBe(true);
      // A cancelled referral only changes its business status (what became of the case).
      if (from === 'cancelled')
        for (const to of statuses) expect(canTransition(from, to)).toBe(to === 'cancelled');
    }
  });

  it('rejects skipping or reversing steps', () => {
    const received = initialLifecycle('2026-11-02T15:00:00.000Z');
    expect(() => transition(received, 'enrolled', '2026-11-03T00:00:00.000Z')).toThrow(
      IllegalTransitionError,
    );
    expect(() => transition(received, 'eligible', '2026-11-03T00:00:00.000Z')).toThrow(
      IllegalTransitionError,
    );
    expect(canTransition('enrolled', 'eligible')).toBe(false);
    expect(canTransition('enrolled', 'screening')).toBe(false);
    expect(canTransition('ineligible', 'enrolled')).toBe(false);
  });
});
