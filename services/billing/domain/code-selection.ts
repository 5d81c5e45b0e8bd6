import { ADD_ON_UNIT_CAPS, type CodeFamily } from './codes';
import { feeCents } from './fee-schedule';
import type { DecisionLine } from './month-schema';

/** A billable option for one program: its lines (sorted by code) and expected payment in cents. */
export type BillingOption = { readonly lines: DecisionLine[]; readonly revenueCents: number };

/** The option that bills nothing. */
export const NOTHING: BillingOption = { lines: [], revenueCents: 0 };

/**
 * Lines for one code family given the minutes that count toward it: the base code once its full
 * threshold is met, then one add-on unit per further full block, up to the add-on cap. No rounding,
 * no carry-over: 39 minutes of staff CCM is 99490 only.
 */
export const familyOption = (family: CodeFamily, minutes: number): BillingOption => {
  if (minutes < family.baseMinutes) return NOTHING;
  const cap = ADD_ON_UNIT_CAPS[family.addOn] ?? 0;
  const addOnUnits = Math.min(cap, Math.floor((minutes - family.baseMinutes) / family.addOnMinutes));
  const base: DecisionLine = { code: family.base, units: 1 };
  if (addOnUnits === 0) return { lines: [base], revenueCents: feeCents(family.base) };
  const addOn: DecisionLine = { code: family.addOn, units: addOnUnits };
  return {
    lines: family.base < family.addOn ? [base, addOn] : [addOn, base],
    revenueCents: feeCents(family.base) + feeCents(family.addOn) * addOnUnits,
  };
};

/** The option with the highest expected payment; on a tie the earlier option wins. */
export const bestOption = (options: readonly BillingOption[]): BillingOption => {
  let best = NOTHING;
  for (const option of options) if (option.revenueCents > best.revenueCents) best = option;
  return best;
};
