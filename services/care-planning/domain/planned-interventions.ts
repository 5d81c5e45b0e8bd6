import type { Cadence, CarePlan, InterventionKind, ResponsibleParty } from './care-plan';

/** Named cadences other services schedule by. */
export type NamedCadence = 'once' | 'weekly' | 'monthly' | 'quarterly';

/** What another service needs to schedule an intervention: kind, owner and recurrence, never its text. */
export interface PlannedInterventionFacts {
  interventionId: string;
  kind: InterventionKind;
  responsible: ResponsibleParty;
  cadence?: NamedCadence;
  interval?: Cadence;
}

const named = (cadence: Cadence): NamedCadence | undefined => {
  const days = cadence.unit === 'day' ? cadence.every : undefined;
  if ((cadence.unit === 'week' && cadence.every === 1) || days === 7) return 'weekly';
  if (cadence.unit === 'month' && cadence.every === 1) return 'monthly';
  if (cadence.unit === 'month' && cadence.every === 3) return 'quarterly';
  return undefined;
};

/**
 * The plan's interventions as schedulable facts. A one-off intervention is `once`; a recurrence
 * with a name carries it, any other keeps its exact interval so nothing is rounded.
 */
export const plannedInterventions = (plan: CarePlan): PlannedInterventionFacts[] =>
  plan.interventions.map((intervention) => {
    const base = {
      interventionId: intervention.id,
      kind: intervention.kind,
      responsible: intervention.responsible,
    };
    if (intervention.cadence === undefined) return { ...base, cadence: 'once' };
    const cadence = named(intervention.cadence);
    return cadence ? { ...base, cadence } : { ...base, interval: { ...intervention.cadence } };
  });

/** The ICD-10-CM codes of the plan's problem list, each once, in the plan's order (billing puts them on claims). */
export const problemCodes = (plan: CarePlan): string[] => [
  ...new Set(plan.problems.flatMap((problem) => (problem.icd10 ? [problem.icd10] : []))),
];
