import { InvalidInputError } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { NPI_A, NPI_B } from '../testing/referral-fixtures';
import {
  activeConsent,
  type ConsentInput,
  recordConsent,
  requiresNewConsent,
  revokeConsent,
} from './consent';
import {
  ConsentAlreadyRevokedError,
  ConsentIncompleteError,
  ConsentRevokedBeforeObtainedError,
} from './consent-errors';

const input = (overrides: Partial<ConsentInput> = {}): ConsentInput => ({
  patientId: 'patient-1',
  program: 'ccm',
  method: 'verbal',
  obtainedAt: '2025-06-01T15:00:00Z',
  obtainedBy: 'staff-7',
  billingPractitionerId: NPI_A,
  discussed: { rightToStopAnyTime: true, onlyOnePractitionerBillsPerMonth: true, costSharingExplained: true },
  ...overrides,
});

const ids = () => {
  let n = 0;
  return () => `consent-${++n}`;
};

describe('recordConsent', () => {
  it('records a complete consent and emits ConsentRecorded with ids and codes only', () => {
    const { consent, events, superseded } = recordConsent(input(), { newId: ids() });
    expect(consent.consentId).toBe('consent-1');
    expect(superseded).toEqual([]);
    expect(events).toEqual([
      {
        type: 'ConsentRecorded',
        consentId: 'consent-1',
        patientId: 'patient-1',
        program: 'ccm',
        method: 'verbal',
        billingPractitionerId: NPI_A,
        occurredAt: '2025-06-01T15:00:00Z',
      },
    ]);
  });

  it.each([
    [
      { rightToStopAnyTime: false, onlyOnePractitionerBillsPerMonth: true, costSharingExplained: true },
      ['rightToStopAnyTime'],
    ],
    [
      { rightToStopAnyTime: true, onlyOnePractitionerBillsPerMonth: false, costSharingExplained: true },
      ['onlyOnePractitionerBillsPerMonth'],
    ],
    [
      { rightToStopAnyTime: true, onlyOnePractitionerBillsPerMonth: true, costSharingExplained: false },
      ['costSharingExplained'],
    ],
    [
      { rightToStopAnyTime: false, onlyOnePractitionerBillsPerMonth: false, costSharingExplained: false },
      ['rightToStopAnyTime', 'onlyOnePractitionerBillsPerMonth', 'costSharingExplained'],
    ],
  ])('refuses consent when %j and lists %j as missing', (discussed, missing) => {
    try {
      recordConsent(input({ discussed }), { newId: ids() });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConsentIncompleteError);
      expect(error).toMatchObject({
        code: 'CONSENT_INCOMPLETE',
        name: 'ConsentIncompleteError',
        missingItems: missing,
      });
    }
  });

  it('rejects malformed input by field path without echoing values', () => {
    try {
      recordConsent(input({ billingPractitionerId: '1234567890', obtainedAt: 'yesterday' }), {
        newId: ids(),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields.map((field) => field.path)).toEqual(
        expect.arrayContaining(['billingPractitionerId', 'obtainedAt']),
      );
      expect((error as Error).message).not.toContain('1234567890');
    }
  });

  it('supersedes an active consent with another practitioner for the same program', () => {
    const newId = ids();
    const first = recordConsent(input(), { newId }).consent;
    const second = recordConsent(
      input({ billingPractitionerId: NPI_B, obtainedAt: '2025-07-01T10:00:00Z' }),
      {
        newId,
        existing: [first],
      },
    );
    expect(second.superseded).toEqual([
      expect.objectContaining({
        consentId: 'consent-1',
        revokedAt: '2025-07-01T10:00:00Z',
        revocationReason: 'SUPERSEDED',
      }),
    ]);
    expect(second.events.map((event) => event.type)).toEqual(['ConsentRevoked', 'ConsentRecorded']);
  });

  it('leaves consents for other programs, patients and the same practitioner alone', () => {
    const newId = ids();
    const existing = [
      recordConsent(input({ program: 'pcm' }), { newId }).consent,
      recordConsent(input({ patientId: 'patient-2' }), { newId }).consent,
      recordConsent(input(), { newId }).consent,
    ];
    const result = recordConsent(
      input({ billingPractitionerId: NPI_A, obtainedAt: '2025-07-01T10:00:00Z' }),
      { newId, existing },
    );
    expect(result.superseded).toEqual([]);
  });
});

describe('revokeConsent', () => {
  const consent = recordConsent(input(), { newId: () => 'c-1' }).consent;

  it('revokes once and emits ConsentRevoked', () => {
    const result = revokeConsent(consent, {
      revokedAt: '2025-06-20T09:00:00Z',
      revokedBy: 'staff-7',
      reason: 'PATIENT_REQUEST',
    });
    expect(result.consent.revokedAt).toBe('2025-06-20T09:00:00Z');
    expect(result.events).toEqual([
      {
        type: 'ConsentRevoked',
        consentId: 'c-1',
        patientId: 'patient-1',
        program: 'ccm',
        billingPractitionerId: NPI_A,
        reason: 'PATIENT_REQUEST',
        occurredAt: '2025-06-20T09:00:00Z',
      },
    ]);
    expect(() =>
      revokeConsent(result.consent, {
        revokedAt: '2025-06-21T09:00:00Z',
        revokedBy: 'staff-7',
        reason: 'OTHER',
      }),
    ).toThrow(ConsentAlreadyRevokedError);
  });

  it.each([
    ['2025-06-01T14:59:59Z', false],
    ['2025-06-01T15:00:00Z', true],
    ['2025-06-01T11:00:00-04:00', true],
  ])('revokedAt %s allowed: %s', (revokedAt, allowed) => {
    const attempt = () => revokeConsent(consent, { revokedAt, revokedBy: 'staff-7', reason: 'OTHER' });
    if (allowed) expect(attempt().consent.revokedAt).toBe(revokedAt);
    else expect(attempt).toThrow(ConsentRevokedBeforeObtainedError);
  });
});

describe('activeConsent', () => {
  const consent = recordConsent(input(), { newId: () => 'c-1' }).consent;
  const revoked = revokeConsent(consent, {
    revokedAt: '2025-06-20T09:00:00Z',
    revokedBy: 's',
    reason: 'PATIENT_REQUEST',
  }).consent;

  it.each([
    ['2025-06-01T14:59:59Z', [consent], undefined],
    ['2025-06-01T15:00:00Z', [consent], 'c-1'],
    ['2025-06-20T08:59:59Z', [revoked], 'c-1'],
    ['2025-06-20T09:00:00Z', [revoked], undefined],
  ])('at %s -> %s', (at, records, expected) => {
    expect(activeConsent(records, 'ccm', NPI_A, at)?.consentId).toBe(expected);
  });

  it('requires new consent for a new billing practitioner or another program', () => {
    expect(requiresNewConsent([consent], 'ccm', NPI_A, '2025-06-10T00:00:00Z')).toBe(false);
    expect(requiresNewConsent([consent], 'ccm', NPI_B, '2025-06-10T00:00:00Z')).toBe(true);
    expect(requiresNewConsent([consent], 'pcm', NPI_A, '2025-06-10T00:00:00Z')).toBe(true);
  });

  it('prefers the most recent consent', () => {
    const newer = { ...consent, consentId: 'c-2', obtainedAt: '2025-06-05T15:00:00Z' };
    expect(activeConsent([consent, newer], 'ccm', NPI_A, '2025-06-10T00:00:00Z')?.consentId).toBe('c-2');
  });
});
