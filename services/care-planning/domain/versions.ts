import type { Instant } from '@carelink/calendar';
import { type CarePlan, emptyCarePlan, missingElements, parseCarePlan } from './care-plan';
import type { Case } from './case';
import { CarePlanIncompleteError, ForbiddenChangeError, VersionConflictError } from './errors';
import type { CarePlanEstablished, CarePlanRevised } from './events';
import { deepFreeze } from './json-equal';
import { actorFor, authorizeChanges, type PlanActor } from './ownership';
import { diffPlans, isSubstantial } from './plan-diff';
import { IdSchema, parseOrThrow } from './primitives';
import type { Program } from './program';

/** One immutable version of a care plan and what changed to make it. */
export interface CarePlanVersion {
  readonly version: number;
  readonly changedBy: string;
  /** ISO instant. */
  readonly changedAt: string;
  /** Field paths changed from the previous version (for version 1: everything filled in). */
  readonly changes: readonly string[];
  readonly substantial: boolean;
  readonly plan: CarePlan;
}

/** An established care plan with its full version history; `plan` and `version` mirror the last entry. */
export interface VersionedCarePlan {
  readonly planId: string;
  readonly caseId: string;
  readonly tenantId: string;
  readonly program: Program;
  readonly version: number;
  readonly plan: CarePlan;
  readonly versions: readonly CarePlanVersion[];
}

/** A versioned plan after a change, with the events the change caused. */
export interface CarePlanResult<E> {
  plan: VersionedCarePlan;
  events: E[];
}

/** Who establishes which plan for which case, and when. */
export interface EstablishContext {
  planId: string;
  case: Case;
  /** Staff id of the person establishing the plan; must be the case's primary. */
  staffId: string;
  now: Instant;
}

const assertComplete = (plan: CarePlan): void => {
  const missing = missingElements(plan);
  if (missing.length > 0) throw new CarePlanIncompleteError(missing);
};

const withVersion = (
  current: Omit<VersionedCarePlan, 'version' | 'plan' | 'versions'>,
  versions: CarePlanVersion[],
) => {
  const last = versions[versions.length - 1]!;
  return deepFreeze({ ...current, version: last.version, plan: last.plan, versions });
};

/**
 * Establishes a complete care plan as version 1. Only the case's primary case manager may,
 * because the primary owns the comprehensive plan; an incomplete plan is refused with every
 * missing element listed.
 */
export const establish = (
  draft: CarePlan,
  context: EstablishContext,
): CarePlanResult<CarePlanEstablished> => {
  const planId = parseOrThrow(IdSchema, context.planId, 'plan id');
  if (actorFor(context.case, context.staffId).kind !== 'primary') throw new ForbiddenChangeError([]);
  const plan = parseCarePlan(draft);
  assertComplete(plan);
  const changedAt = context.now.toString();
  const first: CarePlanVersion = {
    version: 1,
    changedBy: context.staffId,
    changedAt,
    changes: diffPlans(emptyCarePlan(), plan).map((c) => c.path),
    substantial: true,
    plan,
  };
  const { caseId, tenantId, program } = context.case;
  return {
    plan: withVersion({ planId, caseId, tenantId, program }, [first]),
    events: [
      {
        type: 'CarePlanEstablished',
        tenantId,
        caseId,
        planId,
        program,
        version: 1,
        substantial: true,
        changedBy: context.staffId,
        occurredAt: changedAt,
      },
    ],
  };
};

/**
 * Makes `next` the new version of the plan on behalf of `actor`.
 *
 * Optimistic concurrency: the caller states the version they edited, and a stale one is a
 * {@link VersionConflictError}. Then the actor must own every changed field, and the result
 * must still be complete. A revision that changes nothing creates no version and no event.
 */
export const revise = (
  current: VersionedCarePlan,
  next: CarePlan,
  actor: PlanActor,
  expectedVersion: number,
  now: Instant,
): CarePlanResult<CarePlanRevised> => {
  if (expectedVersion !== current.version) throw new VersionConflictError(expectedVersion, current.version);
  const plan = parseCarePlan(next);
  const changes = diffPlans(current.plan, plan);
  authorizeChanges(current.plan, plan, changes, actor);
  if (changes.length === 0) return { plan: current, events: [] };
  assertComplete(plan);

  const version = current.version + 1;
  const substantial = isSubstantial(changes);
  const changedAt = now.toString();
  const entry: CarePlanVersion = {
    version,
    changedBy: actor.staffId,
    changedAt,
    changes: changes.map((c) => c.path),
    substantial,
    plan,
  };
  const { planId, caseId, tenantId, program } = current;
  return {
    plan: withVersion({ planId, caseId, tenantId, program }, [...current.versions, entry]),
    events: [
      {
        type: 'CarePlanRevised',
        tenantId,
        caseId,
        planId,
        program,
        version,
        substantial,
        changedBy: actor.staffId,
        occurredAt: changedAt,
        changedSections: [...new Set(changes.map((c) => c.section))],
      },
    ],
  };
};

/** The plan as it was at one version, or undefined when that version does not exist. */
export const versionOf = (plan: VersionedCarePlan, version: number): CarePlanVersion | undefined =>
  plan.versions.find((entry) => entry.version === version);

/** The version list without the plan bodies, for history views. */
export const versionSummaries = (plan: VersionedCarePlan): Omit<CarePlanVersion, 'plan'>[] =>
  plan.versions.map(({ plan: _plan, ...summary }) => summary);
