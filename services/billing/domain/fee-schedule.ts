import type { BillableCode } from './codes';

/**
 * CY 2026 Medicare Physician Fee Schedule (final rule CMS-1832-F), non-qualifying-APM conversion factor.
 * Practitioners who are qualifying APM participants are paid with $33.5675 instead.
 */
export const CONVERSION_FACTOR_2026 = 33.4009;

/**
 * Total non-facility RVUs per code (work + non-facility practice expense + malpractice), CY 2026.
 * Multiplied by the conversion factor they give the NATIONAL AVERAGE non-facility payment. These are
 * planning figures only: replace them with the amounts of the practice's MAC locality (which apply
 * GPCIs) before using them for anything but ranking billing options and forecasting.
 */
export const NON_FACILITY_RVUS_2026: Readonly<Record<BillableCode, number>> = {
  '99490': 1.98,
  '99439': 1.44,
  '99491': 2.63,
  '99437': 1.84,
  '99487': 4.32,
  '99489': 2.34,
  '99424': 2.63,
  '99425': 1.84,
  '99426': 1.98,
  '99427': 1.45,
  // APCM and TCM: the CY 2025 national non-facility payments divided by the CY 2026 factor, until the
  // fee schedule files of the practice's locality replace every figure here.
  G0556: 0.45,
  G0557: 1.5,
  G0558: 3.29,
  '99495': 6.02,
  '99496': 8.16,
};

const isBillableCode = (code: string): code is BillableCode => Object.hasOwn(NON_FACILITY_RVUS_2026, code);

/** Expected national non-facility payment for one unit of `code`, in US cents (integer). */
export const feeCents = (code: string): number => {
  if (!isBillableCode(code)) throw new RangeError(`No fee known for code ${code}`);
  return Math.round(NON_FACILITY_RVUS_2026[code] * CONVERSION_FACTOR_2026 * 100);
};

/** Expected payment of the given lines in US cents; integer arithmetic avoids floating-point drift. */
export const expectedRevenueCents = (lines: ReadonlyArray<{ code: string; units: number }>): number => {
  let total = 0;
  for (const line of lines) total += feeCents(line.code) * line.units;
  return total;
};

/** Expected payment of the given lines in US dollars (national averages, see `NON_FACILITY_RVUS_2026`). */
export const expectedRevenue = (lines: ReadonlyArray<{ code: string; units: number }>): number =>
  expectedRevenueCents(lines) / 100;
