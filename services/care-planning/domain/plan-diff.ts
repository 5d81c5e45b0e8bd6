import { CarePlanSectionName } from '@carelink/contracts';
import type { CarePlan } from './care-plan';
import { jsonEqual } from './json-equal';

/** Top-level element of a care plan. */
export type CarePlanSection = keyof CarePlan;

/**
 * One changed field. `path` is what versions record, e.g. `goals[g1].targetDate`,
 * `interventions[i4]` (added or removed) or `prognosis`.
 */
export interface PlanChange {
  path: string;
  section: CarePlanSection;
  /** Set for items of id-keyed lists. */
  itemId?: string;
  /** Field inside the item or object; absent when the whole item was added or removed. */
  field?: string;
}

// The plan's parts as the event contract names them: every name is a part (`satisfies`), and a part
// without a name fails to compile (the tuple below is `never` then).
const SECTIONS: readonly CarePlanSection[] = CarePlanSectionName.options satisfies readonly CarePlanSection[];
const _everyPartNamed: [Exclude<CarePlanSection, CarePlanSectionName>] extends [never] ? true : never = true;

/** Lists whose items carry ids; they are compared by id so reordering is not a change. */
const KEYED = new Set<CarePlanSection>(['problems', 'goals', 'interventions']);
/** Objects compared field by field, so a date update is not mistaken for a rewrite. */
const FIELDWISE = new Set<CarePlanSection>(['medicationManagement']);

type Item = { id: string } & Record<string, unknown>;
type Fields = Record<string, unknown>;

const fieldChanges = (
  section: CarePlanSection,
  prefix: string,
  before: Fields,
  after: Fields,
  itemId?: string,
): PlanChange[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !jsonEqual(before[field], after[field]))
    .map((field) => ({
      path: `${prefix}.${field}`,
      section,
      field,
      ...(itemId === undefined ? {} : { itemId }),
    }));

const keyedChanges = (
  section: CarePlanSection,
  before: readonly Item[],
  after: readonly Item[],
): PlanChange[] => {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const ids = [...new Set([...old.keys(), ...next.keys()])];
  return ids.flatMap((itemId) => {
    const a = old.get(itemId);
    const b = next.get(itemId);
    const prefix = `${section}[${itemId}]`;
    if (a === undefined || b === undefined) return [{ path: prefix, section, itemId }];
    return fieldChanges(section, prefix, a, b, itemId);
  });
};

/** Every field that differs between two versions of a plan, in a stable section order. */
export const diffPlans = (before: CarePlan, after: CarePlan): PlanChange[] =>
  SECTIONS.flatMap((section): PlanChange[] => {
    const a = before[section];
    const b = after[section];
    if (KEYED.has(section)) return keyedChanges(section, (a ?? []) as Item[], (b ?? []) as Item[]);
    if (FIELDWISE.has(section) && a !== undefined && b !== undefined) {
      return fieldChanges(section, section, a as Fields, b as Fields);
    }
    return jsonEqual(a, b) ? [] : [{ path: section, section }];
  });

/**
 * Fields whose edits are housekeeping rather than a change of care: rewording, rescheduling
 * and review dates. Everything else (problems, outcomes, measures, who is responsible,
 * added or removed items) is a substantial revision, which matters for complex CCM billing.
 */
const MINOR_FIELDS: Partial<Record<CarePlanSection, ReadonlySet<string>>> = {
  goals: new Set(['description', 'targetDate']),
  interventions: new Set(['description', 'cadence']),
  medicationManagement: new Set(['reconciledOn']),
};
const MINOR_SECTIONS = new Set<CarePlanSection>(['reviewDate']);

/** Whether one change counts as a substantial revision of the plan. */
export const isSubstantialChange = (change: PlanChange): boolean => {
  if (MINOR_SECTIONS.has(change.section)) return false;
  if (change.field === undefined) return true;
  return !(MINOR_FIELDS[change.section]?.has(change.field) ?? false);
};

/** Whether a set of changes is a substantial revision. */
export const isSubstantial = (changes: readonly PlanChange[]): boolean => changes.some(isSubstantialChange);
