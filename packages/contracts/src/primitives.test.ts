import { describe, expect, it } from 'vitest';
import {
  dottedIcd10Cm,
  E164Phone,
  IanaTimeZone,
  Icd10CmCode,
  Icd10CmDottedCode,
  Icd10CmUndottedCode,
  isIanaTimeZone,
  isIcd10CmCode,
  isValidNpi,
  Mbi,
  Money,
  TenantId,
  Ulid,
  undottedIcd10Cm,
} from './primitives';

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

describe('ICD-10-CM forms', () => {
  it.each([
    ['e119', 'E11.9', 'E119'],
    ['E11.9', 'E11.9', 'E119'],
    ['I10', 'I10', 'I10'],
    ['M1A.0710', 'M1A.0710', 'M1A0710'],
    [' s52521a ', 'S52.521A', 'S52521A'],
  ])('%s is %s dotted and %s undotted', (code, dotted, undotted) => {
    expect(isIcd10CmCode(code)).toBe(true);
    expect(dottedIcd10Cm(code)).toBe(dotted);
    expect(undottedIcd10Cm(code)).toBe(undotted);
    expect(Icd10CmDottedCode.safeParse(dotted).success).toBe(true);
    expect(Icd10CmUndottedCode.safeParse(undotted).success).toBe(true);
  });

  it.each(['E1', '1E1.9', 'E11.', 'E11.12345', 'E1.19', ''])('%s is not ICD-10-CM', (code) => {
    expect(isIcd10CmCode(code)).toBe(false);
    expect(dottedIcd10Cm(code)).toBeUndefined();
  });

  it('keeps each form apart', () => {
    expect(Icd10CmDottedCode.safeParse('E119').success).toBe(false);
    expect(Icd10CmUndottedCode.safeParse('E11.9').success).toBe(false);
  });
});

describe('IANA time zones', () => {
  it.each([
    ['America/Denver', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['+05:00', false],
    ['', false],
    ['EST5', false],
  ])('%s resolves: %s', (zone, expected) => {
    expect(isIanaTimeZone(zone)).toBe(expected);
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
