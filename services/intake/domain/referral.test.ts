import type { ProgramDetermination } from '@carelink/contracts';
import { CreateReferralBody } from '@carelink/contracts/api/intake';
import { describe, expect, it } from 'vitest';
import { memberPhi, referralBody } from '../testing/referral-fixtures';
import { ReferralLockedError } from './errors';
import {
  applyCaseClosed,
  applyCaseOpened,
  applyDetermination,
  cancel,
  correct,
  eligibilityFacts,
  newReferral,
  type Referral,
  statusChanges,
} from './referral';

const T0 = '2026-11-02T15:00:00.000Z';
const T1 = '2026-11-03T15:00:00.000Z';

function referral(): Referral {
  return newReferral({
    id: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
    tenantId: 'acme-health',
    partnerId: 'northwind-health',
    patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
    patientKey: 'a'.repeat(64),
    practiceId: 'practice-boston',
    body: CreateReferralBody.parse(
      referralBody({
        reason: {
          type: 'post-discharge',
          description: 'Fell at home',
          dischargeDate: '2026-10-30',
          dischargeFacility: { type: 'snf', name: 'Harbor SNF' },
        },
      }),
    ),
    at: T0,
  });
}

const program = (
  status: ProgramDetermination['status'],
  reasons: string[] = [],
  name: ProgramDetermination['program'] = 'ccm',
): ProgramDetermination => ({ program: name, status, reasons });

function applied(outcome: ReturnType<typeof applyDetermination>): Referral {
  if (!outcome.applied) throw new Error(`expected the event to apply, was ${outcome.reason}`);
  return outcome.referral;
}

describe('eligibility determinations', () => {
  it('moves a received referral through screening to eligible when any program is eligible', () => {
    const before = referral();
    const after = applied(
      applyDetermination(
        before,
        { determinationVersion: 1, programs: [program('ineligible'), program('eligible', [], 'tcm')] },
        T1,
      ),
    );
    expect(after).toMatchObject({
      status: 'eligible',
      taskStatus: 'accepted',
      version: 3,
      determinationVersion: 1,
    });
    expect(after.businessStatus).toEqual({ code: 'ELIGIBLE', text: 'Eligible for tcm' });
    expect(statusChanges(before, after)).toEqual([
      expect.objectContaining({ previousStatus: 'received', status: 'screening', version: 2 }),
      expect.objectContaining({ previousStatus: 'screening', status: 'eligible', version: 3 }),
    ]);
  });

  it('is ineligible only when every program is ineligible, with the reasons', () => {
    const after = applied(
      applyDetermination(
        referral(),
        {
          determinationVersion: 1,
          programs: [
            program('ineligible', ['NO_COVERAGE']),
            program('ineligible', ['NO_COVERAGE', 'TOO_FEW_CONDITIONS'], 'pcm'),
          ],
        },
        T1,
      ),
    );
    expect(after).toMatchObject({ status: 'ineligible', taskStatus: 'rejected' });
    expect(after.businessStatus.reasonCodes).toEqual(['NO_COVERAGE', 'TOO_FEW_CONDITIONS']);
  });

  it('keeps screening with NEEDS_INFORMATION when information is missing and nothing is eligible', () => {
    const screening = applied(
      applyDetermination(
        referral(),
        {
          determinationVersion: 1,
          programs: [
            program('needs-information', ['AUTHORIZATION_MISSING']),
            program('ineligible', [], 'pcm'),
          ],
        },
        T1,
      ),
    );
    expect(screening).toMatchObject({ status: 'screening', version: 2 });
    expect(screening.businessStatus).toMatchObject({
      code: 'NEEDS_INFORMATION',
      reasonCodes: ['AUTHORIZATION_MISSING'],
    });
    const still = applied(
      applyDetermination(
        screening,
        { determinationVersion: 2, programs: [program('needs-information', ['CONSENT_MISSING'])] },
        T1,
      ),
    );
    expect(still).toMatchObject({ status: 'screening', version: 3 });
    expect(statusChanges(screening, still)).toEqual([
      expect.objectContaining({ previousStatus: 'screening', status: 'screening', version: 3 }),
    ]);
  });

  it('ignores a determination that is not newer than the last one applied', () => {
    const eligible = applied(
      applyDetermination(referral(), { determinationVersion: 2, programs: [program('eligible')] }, T1),
    );
    expect(
      applyDetermination(eligible, { determinationVersion: 1, programs: [program('ineligible')] }, T1),
    ).toEqual({ applied: false, reason: 'stale' });
    expect(
      applyDetermination(eligible, { determinationVersion: 2, programs: [program('ineligible')] }, T1),
    ).toEqual({ applied: false, reason: 'stale' });
  });

  it('lets a newer determination change an earlier outcome but never move an enrolled referral', () => {
    const eligible = applied(
      applyDetermination(referral(), { determinationVersion: 1, programs: [program('eligible')] }, T1),
    );
    const ineligible = applied(
      applyDetermination(eligible, { determinationVersion: 2, programs: [program('ineligible')] }, T1),
    );
    expect(ineligible.status).toBe('ineligible');
    const enrolled = applied(applyCaseOpened(eligible, 'case-1', T1));
    expect(
      applyDetermination(enrolled, { determinationVersion: 3, programs: [program('ineligible')] }, T1),
    ).toEqual({
      applied: false,
      reason: 'illegal-transition',
    });
  });
});

describe('case events', () => {
  const eligible = () =>
    applied(applyDetermination(referral(), { determinationVersion: 1, programs: [program('eligible')] }, T1));

  it('enrols on the first case and closes when every case is closed', () => {
    const enrolled = applied(applyCaseOpened(eligible(), 'case-1', T1));
    const second = applied(applyCaseOpened(enrolled, 'case-2', T1));
    expect(second).toMatchObject({ status: 'enrolled', version: enrolled.version + 1 });
    const oneClosed = applied(applyCaseClosed(second, 'case-1', T1));
    expect(oneClosed.status).toBe('enrolled');
    const closed = applied(applyCaseClosed(oneClosed, 'case-2', T1));
    expect(closed).toMatchObject({ status: 'closed', taskStatus: 'completed' });
  });

  it('ignores repeated case events and a case opened for an ineligible referral', () => {
    const enrolled = applied(applyCaseOpened(eligible(), 'case-1', T1));
    expect(applyCaseOpened(enrolled, 'case-1', T1)).toEqual({ applied: false, reason: 'duplicate' });
    const ineligible = applied(
      applyDetermination(referral(), { determinationVersion: 1, programs: [program('ineligible')] }, T1),
    );
    expect(applyCaseOpened(ineligible, 'case-1', T1)).toEqual({
      applied: false,
      reason: 'illegal-transition',
    });
  });

  it('keeps telling the partner what became of the case after it cancelled, status still cancelled', () => {
    const enrolled = applied(applyCaseOpened(eligible(), 'case-1', T1));
    const cancelled = cancel(enrolled, { reasonCode: 'no-longer-needed' }, T1);
    const closed = applied(applyCaseClosed(cancelled, 'case-1', T1));
    expect(closed).toMatchObject({ status: 'cancelled', cases: { 'case-1': 'closed' } });
    expect(statusChanges(cancelled, closed)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        previousStatus: 'cancelled',
        businessStatus: expect.objectContaining({ code: 'CANCELLED_CASE_CLOSED' }),
      }),
    ]);
    expect(applyCaseClosed(closed, 'case-1', T1)).toEqual({ applied: false, reason: 'duplicate' });

    const early = cancel(referral(), { reasonCode: 'duplicate' }, T1);
    const opened = applied(applyCaseOpened(early, 'case-2', T1));
    expect(opened.businessStatus.code).toBe('CANCELLED_CARE_CONTINUES');
    expect(() => cancel(opened, { reasonCode: 'duplicate' }, T1)).toThrow();
  });

  it('holds a case opened before the determination and enrols the referral once it is eligible', () => {
    const parked = applied(applyCaseOpened(referral(), 'case-1', T1));
    expect(parked).toMatchObject({ status: 'received', version: 2, cases: { 'case-1': 'open' } });
    const enrolled = applied(
      applyDetermination(parked, { determinationVersion: 1, programs: [program('eligible')] }, T1),
    );
    expect(enrolled.history.map((h) => h.to)).toEqual(['received', 'screening', 'eligible', 'enrolled']);
    expect(statusChanges(parked, enrolled).map((c) => [c.status, c.version])).toEqual([
      ['screening', 3],
      ['eligible', 4],
      ['enrolled', 5],
    ]);
  });

  it('closes a referral whose case opened and closed before it was determined eligible', () => {
    const opened = applied(applyCaseOpened(referral(), 'case-1', T1));
    const closedEarly = applied(applyCaseClosed(opened, 'case-1', T1));
    expect(closedEarly.status).toBe('received');
    const after = applied(
      applyDetermination(closedEarly, { determinationVersion: 1, programs: [program('eligible')] }, T1),
    );
    expect(after.status).toBe('closed');
  });

  it('closes an eligible referral when the closing arrives before the opening, which then changes nothing', () => {
    const closed = applied(applyCaseClosed(eligible(), 'case-1', T1));
    expect(closed.status).toBe('closed');
    expect(applyCaseOpened(closed, 'case-1', T1)).toEqual({ applied: false, reason: 'duplicate' });
    expect(applyCaseOpened(closed, 'case-2', T1)).toEqual({ applied: false, reason: 'illegal-transition' });
  });
});

describe('partner changes', () => {
  it('cancels with the reason and refuses to cancel twice', () => {
    const cancelled = cancel(referral(), { reasonCode: 'member-declined', note: 'Prefers own doctor' }, T1);
    expect(cancelled).toMatchObject({ status: 'cancelled', taskStatus: 'cancelled', version: 2 });
    expect(cancelled.cancellation).toEqual({ reasonCode: 'member-declined', note: 'Prefers own doctor' });
    expect(() => cancel(cancelled, { reasonCode: 'duplicate' }, T1)).toThrow(ReferralLockedError);
  });

  it('replaces only the corrected fields and bumps the version; enrolled referrals are locked', () => {
    const before = referral();
    const authorization = { authorizedUnits: 4, fundingSource: 'acme-cm', validUntil: '2027-01-31' };
    const after = correct(before, { authorization, diagnoses: undefined }, T1);
    expect(after).toMatchObject({ authorization, version: 2, updatedAt: T1, diagnoses: before.diagnoses });
    expect(after.history).toEqual(before.history);
    const eligible = applied(
      applyDetermination(before, { determinationVersion: 1, programs: [program('eligible')] }, T1),
    );
    const enrolled = applied(applyCaseOpened(eligible, 'case-1', T1));
    expect(() => correct(enrolled, { authorization }, T1)).toThrow(ReferralLockedError);
  });
});

describe('eligibility facts', () => {
  it('carry what eligibility needs and no names, contact details or free text', () => {
    const facts = eligibilityFacts(referral());
    expect(facts).toMatchObject({
      coverage: { memberId: expect.stringMatching(/^M-/), planType: 'medicare-advantage' },
      reason: { type: 'post-discharge', dischargeDate: '2026-10-30', dischargeFacilityType: 'snf' },
      diagnosisCodes: ['E11.9', 'I50.22'],
      timeZone: 'America/New_York',
    });
    const text = JSON.stringify(facts);
    for (const phi of [...memberPhi, 'Fell at home', 'Harbor', '1EG4']) expect(text).not.toContain(phi);
  });
});
