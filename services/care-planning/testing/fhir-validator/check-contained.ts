import { FHIR_CODES, FHIR_SYSTEMS } from '../../domain/fhir-systems';
import {
  type Context,
  code,
  concept,
  DATE,
  dateTime,
  ID,
  isObject,
  type Json,
  list,
  period,
  quantity,
  reference,
  references,
} from './check-datatypes';

/** Resource types a clinical subject may be. */
export const SUBJECT_TYPES = ['Patient', 'Group'];

const validateGoal = (ctx: Context, goal: Json, path: string): void => {
  code(ctx, goal, 'lifecycleStatus', path, FHIR_CODES.goalLifecycle, true);
  if (goal.description === undefined) ctx.findings.add(`${path}.description`, 'required');
  else concept(ctx, goal.description, `${path}.description`);
  if (goal.subject === undefined) ctx.findings.add(`${path}.subject`, 'required');
  else reference(ctx, goal.subject, `${path}.subject`, ['Patient', 'Group', 'Organization']);
  list(ctx, goal, 'target', path).forEach((t, i) => {
    const at = `${path}.target[${i}]`;
    if (!isObject(t)) {
      ctx.findings.add(at, 'must be a target');
      return;
    }
    const hasDetail = Object.keys(t).some((k) => k.startsWith('detail'));
    if (hasDetail && t.measure === undefined)
      ctx.findings.add(`${at}.measure`, 'required when a detail is given (gol-1)');
    if (t.measure !== undefined)
      concept(ctx, t.measure, `${at}.measure`, { [FHIR_SYSTEMS.loinc]: null, [FHIR_SYSTEMS.snomed]: null });
    if (t.detailQuantity !== undefined) quantity(ctx, t.detailQuantity, `${at}.detailQuantity`);
    dateTime(ctx, t, 'dueDate', at, (v) => DATE.test(v) && v.length === 10, 'date');
  });
  references(ctx, goal, 'addresses', path, [
    'Condition',
    'Observation',
    'MedicationStatement',
    'NutritionOrder',
    'ServiceRequest',
    'RiskAssessment',
  ]);
};

const CONDITION_CODE_SYSTEMS = { [FHIR_SYSTEMS.icd10cm]: null, [FHIR_SYSTEMS.snomed]: null };

const validateCondition = (ctx: Context, condition: Json, path: string): void => {
  if (condition.subject === undefined) ctx.findings.add(`${path}.subject`, 'required');
  else reference(ctx, condition.subject, `${path}.subject`, SUBJECT_TYPES);
  if (condition.clinicalStatus !== undefined) {
    concept(
      ctx,
      condition.clinicalStatus,
      `${path}.clinicalStatus`,
      { [FHIR_SYSTEMS.conditionClinical]: FHIR_CODES.conditionClinical },
      true,
    );
  }
  if (condition.verificationStatus !== undefined) {
    concept(
      ctx,
      condition.verificationStatus,
      `${path}.verificationStatus`,
      { [FHIR_SYSTEMS.conditionVerification]: FHIR_CODES.conditionVerification },
      true,
    );
  }
  for (const [i, c] of list(ctx, condition, 'category', path).entries()) {
    concept(ctx, c, `${path}.category[${i}]`, {
      [FHIR_SYSTEMS.conditionCategory]: FHIR_CODES.conditionCategory,
    });
  }
  if (condition.code !== undefined) concept(ctx, condition.code, `${path}.code`, CONDITION_CODE_SYSTEMS);
  const verification = JSON.stringify(condition.verificationStatus ?? '');
  const enteredInError = verification.includes('"entered-in-error"');
  if (enteredInError && condition.clinicalStatus !== undefined) {
    ctx.findings.add(`${path}.clinicalStatus`, 'must be absent when entered in error (con-5)');
  }
  const problemListItem = JSON.stringify(condition.category ?? '').includes('"problem-list-item"');
  if (problemListItem && !enteredInError && condition.clinicalStatus === undefined) {
    ctx.findings.add(`${path}.clinicalStatus`, 'required for a problem-list item (con-3)');
  }
};

const validateCareTeam = (ctx: Context, team: Json, path: string): void => {
  code(ctx, team, 'status', path, FHIR_CODES.careTeamStatus, false);
  if (team.subject !== undefined) reference(ctx, team.subject, `${path}.subject`, SUBJECT_TYPES);
  list(ctx, team, 'participant', path).forEach((p, i) => {
    const at = `${path}.participant[${i}]`;
    if (!isObject(p)) {
      ctx.findings.add(at, 'must be a participant');
      return;
    }
    list(ctx, p, 'role', at).forEach((r, j) => {
      concept(ctx, r, `${at}.role[${j}]`);
    });
    if (p.member !== undefined) {
      reference(ctx, p.member, `${at}.member`, [
        'Practitioner',
        'PractitionerRole',
        'RelatedPerson',
        'Patient',
        'Organization',
        'CareTeam',
      ]);
    }
    if (p.period !== undefined) period(ctx, p.period, `${at}.period`);
  });
};

const CONTAINED_VALIDATORS: Readonly<Record<string, (ctx: Context, resource: Json, path: string) => void>> = {
  Goal: validateGoal,
  Condition: validateCondition,
  CareTeam: validateCareTeam,
};

const collectLocalReferences = (value: unknown, into: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const v of value) collectLocalReferences(v, into);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'reference' && typeof inner === 'string' && inner.startsWith('#')) into.add(inner.slice(1));
    else collectLocalReferences(inner, into);
  }
};

/** Indexes contained resources by id, reporting bad or duplicate ids. */
export const indexContained = (ctx: Context, plan: Json): Json[] => {
  const contained = list(ctx, plan, 'contained', 'CarePlan');
  const resources: Json[] = [];
  contained.forEach((resource, i) => {
    const path = `CarePlan.contained[${i}]`;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      ctx.findings.add(path, 'must be a resource');
      return;
    }
    if (typeof resource.id !== 'string' || !ID.test(resource.id)) {
      ctx.findings.add(`${path}.id`, 'required and must be a FHIR id');
      return;
    }
    if (ctx.contained.has(resource.id)) {
      ctx.findings.add(`${path}.id`, `duplicate id ${resource.id}`);
      return;
    }
    ctx.contained.set(resource.id, resource.resourceType);
    resources.push(resource);
  });
  return resources;
};

/** Checks contained resources: the dom-2/3/4 rules and each known resource type. */
export const validateContained = (ctx: Context, plan: Json, resources: Json[]): void => {
  const referenced = new Set<string>();
  collectLocalReferences({ ...plan, contained: undefined }, referenced);
  resources.forEach((resource) => {
    collectLocalReferences(resource, referenced);
  });
  resources.forEach((resource, i) => {
    const path = `CarePlan.contained[${i}]`;
    if (resource.contained !== undefined)
      ctx.findings.add(`${path}.contained`, 'contained resources must not contain resources (dom-2)');
    if (!referenced.has(String(resource.id)))
      ctx.findings.add(path, 'must be referenced from the resource (dom-3)');
    if (
      isObject(resource.meta) &&
      (resource.meta.versionId !== undefined || resource.meta.lastUpdated !== undefined)
    ) {
      ctx.findings.add(`${path}.meta`, 'must not carry versionId or lastUpdated (dom-4)');
    }
    CONTAINED_VALIDATORS[String(resource.resourceType)]?.(ctx, resource, path);
  });
};
