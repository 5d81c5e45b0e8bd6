import type { CarePlan } from './plan-model';

/** What each part of the care plan editor is given: the plan, a way to change it, and what is missing. */
export interface PlanSectionProps {
  plan: CarePlan;
  change: (patch: Partial<CarePlan>) => void;
  missing: ReadonlySet<string>;
}
