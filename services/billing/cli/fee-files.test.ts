import { describe, expect, it } from 'vitest';
import { BILLABLE_CODES } from '../domain/codes';
import { contractors } from '../domain/fee-data';
import { contractorsFrom, parseGpciFile, parseRvuFile } from './fee-files';

const source = { title: 'test', url: 'https://www.cms.gov/test' };

/** A relative value file in the CMS layout: title lines, then the header, then one row per code and modifier. */
const rvuCsv = [
  'CY 2027 NATIONAL PHYSICIAN FEE SCHEDULE RELATIVE VALUE FILE,,,,,,,,,,,,',
  'CPT codes and descriptions only are copyright American Medical Association,,,,,,,,,,,,',
  'HCPCS,MOD,DESCRIPTION,STATUS CODE,NOT USED FOR MEDICARE PAYMENT,WORK RVU,NON-FAC PE RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,NON-FACILITY TOTAL,CONV FACTOR',
  ...BILLABLE_CODES.map(
    (code, i) => `${code},,"Care, management ${i}",A,,1.00,0.90,,0.40,,0.10,2.00,34.0000`,
  ),
  '99490,26,Professional component,A,,0.50,0.10,,0.10,,0.05,0.65,34.0000',
  '99213,,Office visit,A,,1.30,1.20,,0.50,,0.10,2.60,34.0000',
].join('\r\n');

const gpciCsv = [
  'ADDENDUM E. FINAL CY 2027 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY',
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2027 PW GPCI (with 1.0 Floor),2027 PE GPCI,2027 MP GPCI',
  '14212,MA,1,METROPOLITAN BOSTON,1.040,1.310,0.810',
  '14212,MA,99,REST OF MASSACHUSETTS*,1.010,1.090,0.810',
  '04112,CO,1,COLORADO,1.005,1.070,0.850',
  '99999,ZZ,1,NOWHERE,1.000,1.000,1.000',
].join('\n');

describe('reading the CMS fee schedule files', () => {
  it('keeps the global RVUs of the billable codes and the conversion factor', () => {
    const file = parseRvuFile(rvuCsv, 2027, source);
    expect(file.conversionFactor).toBe(34);
    expect(Object.keys(file.codes)).toHaveLength(BILLABLE_CODES.length);
    expect(file.codes['99490']).toEqual({ work: 1, nonFacilityPe: 0.9, facilityPe: 0.4, malpractice: 0.1 });
    expect(file.codes['99213']).toBeUndefined();
  });

  it('refuses a file without a billable code', () => {
    const without = rvuCsv
      .split('\r\n')
      .filter((line) => !line.startsWith('99439,'))
      .join('\r\n');
    expect(() => parseRvuFile(without, 2027, source)).toThrow(/every billable code/);
  });

  it('reads every locality with its GPCIs, padding the locality number', () => {
    const file = parseGpciFile(gpciCsv, 2027, source);
    expect(file.localities).toContainEqual({
      carrier: '14212',
      locality: '01',
      state: 'MA',
      name: 'METROPOLITAN BOSTON',
      work: 1.04,
      pe: 1.31,
      malpractice: 0.81,
    });
    expect(file.localities.find((l) => l.locality === '99')?.name).toBe('REST OF MASSACHUSETTS');
  });

  it('derives the contractor numbers per state and names the states without a known MAC', () => {
    const { file, unnamed } = contractorsFrom(parseGpciFile(gpciCsv, 2027, source), contractors);
    expect(file.states.MA?.contractors).toEqual(['14212']);
    expect(file.states.MA?.mac).toBe('National Government Services');
    expect(unnamed).toEqual(['ZZ']);
  });
});
