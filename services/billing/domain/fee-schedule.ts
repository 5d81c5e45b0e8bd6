import { BILLABLE_CODES, type BillableCode } from './codes';
import { gpcis, type Locality, rvus } from './fee-data';

/**
 * Medicare Physician Fee Schedule payment: [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU ×
 * MP GPCI)] × conversion factor, with the practice expense of the setting (facility or not) and the
 * GPCIs of the practice's locality, from the CMS files shipped in `data/`.
 */

/** The place-of-service codes CMS pays at the facility rate (hospital, SNF, ASC, CMHC...). */
const FACILITY_PLACES_OF_SERVICE: ReadonlySet<string> = new Set([
  '02',
  '19',
  '21',
  '22',
  '23',
  '24',
  '26',
  '31',
  '34',
  '41',
  '42',
  '51',
  '52',
  '53',
  '56',
  '61',
]);

/** Which GPCIs and which practice expense a fee uses. */
export interface FeeBasis {
  /** The practice's locality; without one (an unknown locality) every GPCI is 1.000, the national rate. */
  locality: Locality | undefined;
  facility: boolean;
}

/** National non-facility rates: ranking billing options, where the locality changes no order. */
export const NATIONAL: FeeBasis = { locality: undefined, facility: false };

export const isFacility = (placeOfService: string): boolean => FACILITY_PLACES_OF_SERVICE.has(placeOfService);

/** The locality a practice names (MAC carrier number and locality code), if the shipped file has it. */
export const localityOf = (place: { carrier: string; locality: string }): Locality | undefined =>
  gpcis.localities.find((row) => row.carrier === place.carrier && row.locality === place.locality);

/** The fee basis of a practice: its locality and whether its place of service is a facility. */
export const feeBasisOf = (practice: {
  locality: { carrier: string; locality: string };
  placeOfService: string;
}): FeeBasis => ({ locality: localityOf(practice.locality), facility: isFacility(practice.placeOfService) });

const isBillableCode = (code: string): code is BillableCode =>
  (BILLABLE_CODES as readonly string[]).includes(code);

/** Expected Medicare payment for one unit of `code` on the given basis, in US cents (integer). */
export const feeCents = (code: string, basis: FeeBasis = NATIONAL): number => {
  if (!isBillableCode(code)) throw new RangeError(`No fee known for code ${code}`);
  const rvu = rvus.codes[code];
  if (!rvu) throw new RangeError(`No RVUs shipped for code ${code}`);
  const g = basis.locality ?? { work: 1, pe: 1, malpractice: 1 };
  const pe = basis.facility ? rvu.facilityPe : rvu.nonFacilityPe;
  const adjusted = rvu.work * g.work + pe * g.pe + rvu.malpractice * g.malpractice;
  return Math.round(adjusted * rvus.conversionFactor * 100);
};

/** Expected payment of the given lines in US cents; integer arithmetic avoids floating-point drift. */
export const expectedRevenueCents = (
  lines: ReadonlyArray<{ code: string; units: number }>,
  basis: FeeBasis = NATIONAL,
): number => {
  let total = 0;
  for (const line of lines) total += feeCents(line.code, basis) * line.units;
  return total;
};

/** Expected payment of the given lines in US dollars. */
export const expectedRevenue = (
  lines: ReadonlyArray<{ code: string; units: number }>,
  basis: FeeBasis = NATIONAL,
): number => expectedRevenueCents(lines, basis) / 100;

/** The fee schedule year the shipped data are for. */
export const feeScheduleYear = rvus.year;
