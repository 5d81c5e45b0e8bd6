import { describe, expect, it } from 'vitest';
import { claimDiagnosisCodes, documentedDiagnoses } from './diagnosis-codes';
import { planLines } from './line-plan';
import { buildMonthInput, countedEntries, type LedgerMonth, selectConsent } from './month-input';
import {
  applyCarePlanEstablished,
  applyCarePlanRevised,
  applyConsentRecorded,
  applyConsentRevoked,
  applyEligibilityDetermined,
  applyVisitRecorded,
  emptyPatientFacts,
} from './patient-facts';
import { decideMonth } from './rules';
import { dueMonth } from './run-schedule';

const NPI = '1234567893';
const consent = {
  consentId: 'c1',
  program: 'ccm',
  obtainedAt: '2026-10-02T14:00:00Z',
  billingPractitionerId: NPI,
};
const ledger = (entries: LedgerMonth['entries']): LedgerMonth => ({
  patientId: 'p1',
  medicalDecisionMaking: null,
  otherBilled: [],
  entries,
});
const entry = (
  id: string,
  minutes: number,
  startedAt: string,
  extra: Partial<LedgerMonth['entries'][number]> = {},
) => ({
  timeEntryId: id,
  startedAt,
  minutes,
  performer: 'clinical-staff' as const,
  practitionerId: 'staff-1',
  program: 'ccm',
  ...extra,
});

describe('patient facts', () => {
  it('converges whatever the order of a consent and its revocation', () => {
    const revoked = { ...consent, revokedAt: '2026-10-20T14:00:00Z' };
    const inOrder = applyConsentRevoked(applyConsentRecorded(emptyPatientFacts(), consent), revoked);
    const reversed = applyConsentRecorded(applyConsentRevoked(emptyPatientFacts(), revoked), consent);
    expect(reversed).toEqual(inOrder);
    expect(inOrder.consents[0]).toMatchObject({
      obtainedAt: consent.obtainedAt,
      revokedAt: revoked.revokedAt,
    });
  });

  it('applies the same event twice as once and ignores programs billing does not bill', () => {
    const once = applyConsentRecorded(emptyPatientFacts(), consent);
    expect(applyConsentRecorded(once, consent)).toEqual(once);
    expect(applyConsentRecorded(emptyPatientFacts(), { ...consent, program: 'tcm' })).toEqual(
      emptyPatientFacts(),
    );
  });

  it('keeps the newest eligibility determination only', () => {
    const v2 = applyEligibilityDetermined(emptyPatientFacts(), {
      determinationVersion: 2,
      conditionCategories: ['diabetes', 'copd'],
      complexConditionForPcm: true,
    });
    const stale = applyEligibilityDetermined(v2, {
      determinationVersion: 1,
      conditionCategories: ['diabetes'],
      complexConditionForPcm: false,
    });
    expect(stale).toEqual(v2);
  });
});

describe('month input', () => {
  const facts = applyCarePlanRevised(
    applyCarePlanEstablished(
      applyEligibilityDetermined(applyConsentRecorded(emptyPatientFacts(), consent), {
        determinationVersion: 1,
        conditionCategories: ['diabetes', 'heart-failure', 'chronic-kidney-disease'],
        complexConditionForPcm: false,
        lastVisit: { npi: NPI, date: '2026-06-15' },
        diagnoses: [
          { code: 'E11.9', categories: ['diabetes'] },
          { code: 'I50.22', categories: ['heart-failure'] },
          { code: 'N18.30', categories: ['chronic-kidney-disease'] },
        ],
      }),
      { carePlanId: 'cp', program: 'ccm', version: 1, establishedAt: '2026-10-05T15:00:00Z' },
    ),
    { carePlanId: 'cp', program: 'ccm', version: 2, revisedAt: '2026-10-20T15:00:00Z', substantial: true },
  );

  it('joins patient facts into the month and decides 45 staff minutes as 99490 + 99439', () => {
    const { input, audit } = buildMonthInput({
      month: '2026-10',
      timeZone: 'America/New_York',
      careModel: 'time-based',
      billingPractitionerId: NPI,
      facts,
      ledger: ledger([
        entry('a', 20, '2026-10-10T15:00:00Z'),
        entry('b', 25, '2026-11-01T01:30:00Z'),
        entry('rpm', 30, '2026-10-11T15:00:00Z', { program: 'rpm' }),
      ]),
    });
    expect(decideMonth(input).lines).toEqual([
      { code: '99439', units: 1 },
      { code: '99490', units: 1 },
    ]);
    expect(input.carePlan).toEqual({
      establishedAt: '2026-10-05T15:00:00Z',
      revisedAt: '2026-10-20T15:00:00Z',
      substantialRevisionInMonth: true,
    });
    expect(audit.carePlan?.version).toBe(2);
    expect(audit.diagnosisCodes).toEqual(['E11.9', 'I50.22', 'N18.30']);
    expect(countedEntries(input, ledger([entry('x', 5, '2026-10-01T12:00:00Z')]).entries)).toEqual([]);
  });

  it('takes the referral’s last visit, or a recorded one, as the initiating visit of the billing practitioner only', () => {
    const month = { month: '2026-10', timeZone: 'America/New_York', careModel: 'time-based' as const };
    const minutes = ledger([entry('a', 45, '2026-10-10T15:00:00Z')]);
    const { input } = buildMonthInput({ ...month, billingPractitionerId: NPI, facts, ledger: minutes });
    expect(input.lastQualifyingVisitAt).toBe('2026-06-15T04:00:00Z');

    const noVisit = {
      ...facts,
      eligibility: facts.eligibility && {
        ...facts.eligibility,
        lastVisit: { npi: '1245319599', date: '2026-06-15' },
      },
    };
    const unseen = buildMonthInput({ ...month, billingPractitionerId: NPI, facts: noVisit, ledger: minutes });
    expect(decideMonth(unseen.input)).toEqual({ lines: [], reasons: ['NO_INITIATING_VISIT'] });

    const visited = applyVisitRecorded(noVisit, {
      visitId: 'v-1',
      practitionerNpi: NPI,
      kind: 'awv',
      at: '2026-09-02T14:00:00Z',
    });
    const seen = buildMonthInput({ ...month, billingPractitionerId: NPI, facts: visited, ledger: minutes });
    expect(seen.audit.lastQualifyingVisitAt).toBe('2026-09-02T14:00:00Z');
    expect(decideMonth(seen.input).lines.map((l) => l.code)).toEqual(['99439', '99490']);
  });

  it('bills a program only with consent to it: a PCM-only consent does not bill CCM time', () => {
    const pcmOnly = { ...facts, consents: facts.consents.map((c) => ({ ...c, program: 'pcm' })) };
    const { input } = buildMonthInput({
      month: '2026-10',
      timeZone: 'America/New_York',
      careModel: 'time-based',
      billingPractitionerId: NPI,
      facts: pcmOnly,
      ledger: ledger([entry('a', 45, '2026-10-10T15:00:00Z')]),
    });
    expect(input.consent?.programs).toEqual(['pcm']);
    expect(decideMonth(input)).toEqual({ lines: [], reasons: ['NO_CONSENT_FOR_PROGRAM'] });
  });

  it('counts only entries inside the consent window, by staff or the billing practitioner', () => {
    const { input } = buildMonthInput({
      month: '2026-10',
      timeZone: 'America/New_York',
      careModel: 'time-based',
      billingPractitionerId: NPI,
      facts,
      ledger: ledger([]),
    });
    const counted = countedEntries(input, [
      entry('before-consent', 10, '2026-10-01T15:00:00Z'),
      entry('staff', 10, '2026-10-03T15:00:00Z'),
      entry('own', 10, '2026-10-04T15:00:00Z', { performer: 'physician', practitionerId: NPI }),
      entry('other-doctor', 10, '2026-10-04T16:00:00Z', {
        performer: 'physician',
        practitionerId: '1245319599',
      }),
    ]);
    expect(counted.map((e) => e.timeEntryId)).toEqual(['staff', 'own']);
  });

  it('prefers the billing practitioner consent, then explains with another one', () => {
    const other = { ...consent, consentId: 'c2', billingPractitionerId: '1245319599', revokedAt: null };
    const mine = { ...consent, revokedAt: null };
    const end = Date.parse('2026-11-01T04:00:00Z');
    expect(selectConsent([other, mine], NPI, end)?.consentId).toBe('c1');
    expect(selectConsent([other], NPI, end)?.consentId).toBe('c2');
    expect(selectConsent([], NPI, end)).toBeNull();
  });
});

describe('claim line plan', () => {
  it('adds new codes, changes units, supersedes dropped codes and leaves equal lines alone', () => {
    const plan = planLines(
      [
        { code: '99490', units: 1, status: 'active' },
        { code: '99439', units: 1, status: 'active' },
        { code: '99491', units: 1, status: 'superseded' },
      ],
      [
        { code: '99439', units: 2 },
        { code: '99490', units: 1 },
      ],
    );
    expect(plan).toEqual({
      added: [],
      changed: [{ code: '99439', units: 2 }],
      superseded: [],
      unchanged: [{ code: '99490', units: 1 }],
    });
    expect(planLines([{ code: '99490', units: 1, status: 'active' }], []).superseded).toEqual(['99490']);
    expect(
      planLines([{ code: '99490', units: 1, status: 'superseded' }], [{ code: '99490', units: 1 }]).added,
    ).toHaveLength(1);
  });
});

describe('diagnosis codes', () => {
  const documented = [
    { code: 'J06.9', categories: [] },
    { code: 'N18.30', categories: ['chronic-kidney-disease'] },
    { code: 'E11.9', categories: ['diabetes'] },
    { code: 'I50.22', categories: ['heart-failure'] },
  ];

  it('puts the patient’s own codes on the claim, qualifying conditions first, exactly as documented', () => {
    expect(claimDiagnosisCodes(['diabetes', 'heart-failure', 'chronic-kidney-disease'], documented)).toEqual([
      'E11.9',
      'I50.22',
      'N18.30',
      'J06.9',
    ]);
  });

  it('never makes up a code: a qualifying condition without a documented code leaves the claim without any', () => {
    expect(claimDiagnosisCodes(['diabetes', 'copd'], documented)).toEqual([]);
    expect(claimDiagnosisCodes(['diabetes'], undefined)).toEqual([]);
  });

  it('adds the care plan problem list after the referral codes, each code once in dotted form', () => {
    const merged = documentedDiagnoses(
      [{ code: 'E119', categories: ['diabetes'] }],
      ['E11.9', 'I10', 'Z79.4', 'I10'],
    );
    expect(merged).toEqual([
      { code: 'E11.9', categories: ['diabetes'] },
      { code: 'I10', categories: [] },
      { code: 'Z79.4', categories: [] },
    ]);
    expect(claimDiagnosisCodes(['diabetes'], merged)).toEqual(['E11.9', 'I10', 'Z79.4']);
  });

  it('never lets a problem-list code stand in for a qualifying condition the referral did not document', () => {
    expect(claimDiagnosisCodes(['heart-failure'], documentedDiagnoses([], ['I50.22']))).toEqual([]);
  });

  it('keeps the newest plan version’s problem list whatever order the plan events arrive in', () => {
    const established = { carePlanId: 'cp', program: 'ccm', establishedAt: '2026-10-05T15:00:00Z' };
    const revised = {
      carePlanId: 'cp',
      program: 'ccm',
      revisedAt: '2026-10-20T15:00:00Z',
      substantial: true,
    };
    const v1 = { ...established, version: 1, problemCodes: ['E11.9'] };
    const v2 = { ...revised, version: 2, problemCodes: ['E11.9', 'I10'] };
    const inOrder = applyCarePlanRevised(applyCarePlanEstablished(emptyPatientFacts(), v1), v2);
    const reversed = applyCarePlanEstablished(applyCarePlanRevised(emptyPatientFacts(), v2), v1);
    expect(inOrder.carePlans[0]?.problems).toEqual({ version: 2, codes: ['E11.9', 'I10'] });
    expect(reversed.carePlans[0]?.problems).toEqual({ version: 2, codes: ['E11.9', 'I10'] });
  });

  it('lists at most 12', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ code: `E11.${i}`, categories: ['diabetes'] }));
    expect(claimDiagnosisCodes(['diabetes'], many)).toHaveLength(12);
  });
});

describe('due month of the monthly run', () => {
  it.each([
    ['2026-11-01T06:59:00Z', 'America/New_York', '2026-09'],
    ['2026-11-01T07:00:00Z', 'America/New_York', '2026-10'],
    ['2026-11-01T08:59:00Z', 'America/Denver', '2026-09'],
    ['2026-11-01T09:00:00Z', 'America/Denver', '2026-10'],
    ['2026-11-20T12:00:00Z', 'America/Denver', '2026-10'],
  ])('at %s in %s is %s', (now, zone, month) => {
    expect(dueMonth(new Date(now), zone)).toBe(month);
  });
});
