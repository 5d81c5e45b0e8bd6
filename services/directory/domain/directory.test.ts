import { describe, expect, it } from 'vitest';
import { type Agreement, agreementStatus, firstVersion, revise, reviseAgreement } from './directory';

const at = '2026-11-02T15:04:05.000Z';
const later = '2026-11-03T09:00:00.000Z';

const agreement: Agreement = firstVersion(
  {
    agreementId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8G',
    partnerId: 'northwind-health',
    practiceId: 'practice-boston',
    tenantId: 'acme-health',
    programs: ['ccm'],
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    routing: { default: true },
  },
  at,
);

describe('directory records', () => {
  it('start at version 1 and move one version per change, keeping when they were created', () => {
    const tenant = firstVersion({ tenantId: 'acme-health', name: 'Acme' }, at);
    expect(tenant).toMatchObject({ version: 1, createdAt: at, updatedAt: at });
    const renamed = revise(tenant, { name: 'Acme Medical Group' }, later);
    expect(renamed).toEqual({
      tenantId: 'acme-health',
      name: 'Acme Medical Group',
      version: 2,
      createdAt: at,
      updatedAt: later,
    });
  });

  it('lets an agreement run on when its end date is removed, and keeps what the patch leaves out', () => {
    const open = reviseAgreement(agreement, { effectiveTo: null }, later);
    expect(open.effectiveTo).toBeUndefined();
    expect(open.programs).toEqual(['ccm']);
    expect(open.version).toBe(2);
    const widened = reviseAgreement(agreement, { programs: ['ccm', 'tcm'], effectiveTo: undefined }, later);
    expect(widened).toMatchObject({ programs: ['ccm', 'tcm'], effectiveTo: '2026-12-31' });
  });

  it('ends an agreement the day after its last effective date', () => {
    expect(agreementStatus(agreement, '2026-12-31')).toBe('active');
    expect(agreementStatus(agreement, '2027-01-01')).toBe('ended');
    expect(agreementStatus({}, '2099-01-01')).toBe('active');
  });
});
