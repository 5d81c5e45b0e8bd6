import type { DecisionLine } from './month-schema';

/** A claim line as a run keeps it on its patient-month, between attempts. */
export interface StoredLine {
  code: string;
  units: number;
  status: 'active' | 'superseded';
  /** Absent on lines kept before they lived on the patient-month (they had items of their own). */
  dateOfService?: string;
  lastAction?: 'added' | 'changed' | 'superseded';
  lastActionAttempt?: number;
}

/** What an attempt writes for one patient-month, compared with what the previous attempt left. */
export interface LinePlan {
  added: DecisionLine[];
  changed: DecisionLine[];
  superseded: string[];
  unchanged: DecisionLine[];
}

/**
 * The difference between the lines already stored for a patient-month and the lines decided now:
 * new codes (or codes that were superseded and are billed again) are added, codes with other units
 * are changed, codes no longer decided are superseded, and equal lines are left alone.
 */
export const planLines = (stored: readonly StoredLine[], decided: readonly DecisionLine[]): LinePlan => {
  const byCode = new Map(stored.map((line) => [line.code, line]));
  const plan: LinePlan = { added: [], changed: [], superseded: [], unchanged: [] };
  for (const line of decided) {
    const existing = byCode.get(line.code);
    if (!existing || existing.status === 'superseded') plan.added.push(line);
    else if (existing.units !== line.units) plan.changed.push(line);
    else plan.unchanged.push(line);
  }
  const decidedCodes = new Set(decided.map((line) => line.code));
  for (const line of stored) {
    if (line.status === 'active' && !decidedCodes.has(line.code)) plan.superseded.push(line.code);
  }
  plan.superseded.sort();
  return plan;
};

/** True when the plan writes nothing. */
export const isEmptyPlan = (plan: LinePlan): boolean =>
  plan.added.length === 0 && plan.changed.length === 0 && plan.superseded.length === 0;
