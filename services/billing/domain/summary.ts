import { expectedRevenueCents, type FeeBasis, NATIONAL } from './fee-schedule';
import type { MonthDecision } from './month-schema';
import { REASON_CODES, type ReasonCode } from './reason-codes';

/** Month totals for a practice. */
export type MonthSummary = {
  patients: number;
  billedPatients: number;
  /** Per code: on how many patients' claims it appears and the units billed, sorted by code. */
  codes: Array<{ code: string; patients: number; units: number }>;
  /** Expected Medicare payment on the fee basis (the practice's locality) in US cents and dollars. */
  expectedRevenueCents: number;
  expectedRevenue: number;
  /** Patients billed nothing, grouped by reason in `REASON_CODES` order; a patient may be in several. */
  notBilled: Array<{ reason: ReasonCode; patientIds: string[] }>;
};

/** Summarises the decisions of one month: counts per code, expected revenue, unbilled patients by reason. */
export const summarizeMonth = (
  items: ReadonlyArray<{ patientId: string; decision: MonthDecision }>,
  basis: FeeBasis = NATIONAL,
): MonthSummary => {
  const codes = new Map<string, { patients: number; units: number }>();
  const byReason = new Map<ReasonCode, string[]>();
  let billedPatients = 0;
  let cents = 0;
  for (const { patientId, decision } of items) {
    if (decision.lines.length > 0) {
      billedPatients += 1;
      cents += expectedRevenueCents(decision.lines, basis);
      for (const line of decision.lines) {
        const total = codes.get(line.code) ?? { patients: 0, units: 0 };
        total.patients += 1;
        total.units += line.units;
        codes.set(line.code, total);
      }
    } else {
      for (const reason of decision.reasons) {
        const ids = byReason.get(reason) ?? [];
        ids.push(patientId);
        byReason.set(reason, ids);
      }
    }
  }
  return {
    patients: items.length,
    billedPatients,
    codes: [...codes.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, total]) => ({ code, ...total })),
    expectedRevenueCents: cents,
    expectedRevenue: cents / 100,
    notBilled: REASON_CODES.filter((reason) => byReason.has(reason)).map((reason) => ({
      reason,
      patientIds: [...(byReason.get(reason) ?? [])].sort(),
    })),
  };
};
