import { describe, expect, it } from 'vitest';
import { patientKeyInput } from './patient-key';

describe('patientKeyInput', () => {
  it('uses the MBI whatever plan refers the member, however it is written', () => {
    const fromNorthwind = patientKeyInput({ mbi: '1EG4-TE5-MK73', memberId: 'NW-1' }, 'northwind');
    const fromHarbor = patientKeyInput({ mbi: '1eg4te5mk73', memberId: 'H-77' }, 'harbor');
    expect(fromNorthwind).toBe('mbi:1EG4TE5MK73');
    expect(fromHarbor).toBe(fromNorthwind);
  });

  it('falls back to the payer and member id, so two payers never share a key', () => {
    expect(patientKeyInput({ memberId: ' m-1 ' }, 'Acme-MA')).toBe('member:acme-ma:M-1');
    expect(patientKeyInput({ memberId: 'M-1' }, 'other')).not.toBe(
      patientKeyInput({ memberId: 'M-1' }, 'acme-ma'),
    );
  });
});
