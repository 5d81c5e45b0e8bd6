import type { CarePlan, ResponsibleParty } from './care-plan';
import { activePrimary, activeSecondaries } from './care-team';
import type { Case } from './case';
import { ForbiddenChangeError } from './errors';
import type { PlanChange } from './plan-diff';
import type { SecondaryService } from './roster';

/** Who is changing a plan, resolved against the case's care team at the time of the change. */
export type PlanActor =
  | { kind: 'primary'; staffId: string }
  | { kind: 'secondary'; staffId: string; services: SecondaryService[] }
  | { kind: 'outsider'; staffId: string };

/**
 * Resolves a staff member's authority over the case's plan. Nobody edits the plan of a
 * closed case, so everyone is an outsider there.
 */
export const actorFor = (current: Case, staffId: string): PlanActor => {
  if (current.state === 'closed') return { kind: 'outsider', staffId };
  if (activePrimary(current) === staffId) return { kind: 'primary', staffId };
  const services = [
    ...new Set(activeSecondaries(current).flatMap((s) => (s.staffId === staffId ? [s.service] : []))),
  ];
  return services.length > 0 ? { kind: 'secondary', staffId, services } : { kind: 'outsider', staffId };
};

const ownerOf = (plan: CarePlan, change: PlanChange): ResponsibleParty | undefined => {
  if (change.section === 'goals') return plan.goals.find((g) => g.id === change.itemId)?.owner;
  if (change.section === 'interventions')
    return plan.interventions.find((i) => i.id === change.itemId)?.responsible;
  return undefined;
};

/**
 * A secondary may touch a goal or intervention only when it belongs to one of their services
 * both before and after the change: this stops them adopting or giving away someone else's item.
 */
const secondaryMay = (
  services: readonly string[],
  before: CarePlan,
  after: CarePlan,
  change: PlanChange,
): boolean => {
  if (change.section !== 'goals' && change.section !== 'interventions') return false;
  const owners = [ownerOf(before, change), ownerOf(after, change)].filter((o) => o !== undefined);
  return owners.length > 0 && owners.every((owner) => services.includes(owner));
};

/** Paths of the changes the actor is not allowed to make; empty when all are allowed. */
export const forbiddenChanges = (
  before: CarePlan,
  after: CarePlan,
  changes: readonly PlanChange[],
  actor: PlanActor,
): string[] => {
  switch (actor.kind) {
    case 'primary':
      return [];
    case 'secondary':
      return changes.filter((c) => !secondaryMay(actor.services, before, after, c)).map((c) => c.path);
    case 'outsider':
      return changes.map((c) => c.path);
  }
};

/** Throws a {@link ForbiddenChangeError} listing refused fields; outsiders are refused outright. */
export const authorizeChanges = (
  before: CarePlan,
  after: CarePlan,
  changes: readonly PlanChange[],
  actor: PlanActor,
): void => {
  const refused = forbiddenChanges(before, after, changes, actor);
  if (actor.kind === 'outsider' || refused.length > 0) throw new ForbiddenChangeError(refused);
};
