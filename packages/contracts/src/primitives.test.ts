import { describe, expect, it } from 'vitest';
import { E164Phone, IanaTimeZone, Icd10CmCode, isValidNpi, Mbi, Money, TenantId, Ulid } from './primitives';

describe('NPI check digit', () => {
  it.each([
    ['1234567893', true],
    ['1234567802', true],
    ['1234567890', false],
    ['1245319599', true],
    ['1245319598', false],
    ['123456789', false],
    ['12345678931', false],
    ['12345678930', false],
    ['12345678a3', false],
    ['abcdefghij', false],
  ])('%s is valid: %s', (npi, expected) => {
    expect(isValidNpi(npi)).toBe(expected);
  });
});

describe('MBI', () => {
  it.each(['1EG4TE5MK73', '1EG4-TE5-MK73', '1eg4te5mk73'])('accepts %s and normalises it', (value) => {
    expect(Mbi.parse(value)).toBe('1EG4TE5MK73');
  });
  it.each(['0EG4TE5MK73', '1SG4TE5MK73', '1EG4TE5MK7', '1EG4TE5MKB3', 'IEG4TE5MK73'])(
    'rejects %s',
    (value) => {
      expect(Mbi.safeParse(value).success).toBe(false);
    },
  );
});

describe('ICD-10-CM', () => {
  it.each(['E11.9', 'E119', 'i50.22', 'N18.30', 'Z79.4', 'F32.A', 'E11'])('accepts %s', (code) => {
    expect(Icd10CmCode.safeParse(code).success).toBe(true);
  });
  it.each(['U07', '11.9', 'E1', 'E11.99999', 'E11-9', ''])('rejects %s', (code) => {
    expect(Icd10CmCode.safeParse(code).success).toBe(false);
  });
  it('upper-cases codes', () => {
    expect(Icd10CmCode.parse('i50.22')).toBe('I50.22');
  });
});

describe('other primitives', () => {
  it.each([
    [E164Phone, '+16175550123', true],
    [E164Phone, '617-555-0123', false],
    [E164Phone, '+0123456789', false],
    [IanaTimeZone, 'America/New_York', true],
    [IanaTimeZone, 'UTC', true],
    [IanaTimeZone, 'Mars/Olympus', false],
    [TenantId, 'acme-health', true],
    [TenantId, 'Acme Health', false],
    [Ulid, '01JD3Y7T5V0M3Q8W9X2Z4A6B8C', true],
    [Ulid, '01JD3Y7T5V0M3Q8W9X2Z4A6B8U', false],
  ] as const)('%#: validates %s', (schema, value, expected) => {
    expect(schema.safeParse(value).success).toBe(expected);
  });

  it('keeps money as a decimal string', () => {
    expect(Money.parse({ amount: '62.16', currency: 'USD' })).toEqual({ amount: '62.16', currency: 'USD' });
    expect(Money.safeParse({ amount: '62.165', currency: 'USD' }).success).toBe(false);
    expect(Money.safeParse({ amount: 62.16, currency: 'USD' }).success).toBe(false);
  });
});
