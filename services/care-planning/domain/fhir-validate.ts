import { FHIR_CODES, FHIR_SYSTEMS } from './fhir-systems';

type Json = Record<string, unknown>;

const ID = /^[A-Za-z0-9.-]{1,64}$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const RESOURCE_REFERENCE =
  /^(?:https?:\/\/\S+\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(\/_history\/[A-Za-z0-9.-]{1,64})?$/;
const LOCAL_REFERENCE = /^#([A-Za-z0-9.-]{1,64})$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isDateTime = (value: string): boolean => {
  const [date, time, ...rest] = value.split('T');
  return (
    rest.length === 0 &&
    date !== undefined &&
    DATE.test(date) &&
    (time === undefined || (date.length === 10 && TIME.test(time)))
  );
};
const isInstant = (value: string): boolean => value.includes('T') && isDateTime(value);

/** Collects problems with their FHIRPath-like location instead of stopping at the first. */
class Findings {
  readonly errors: string[] = [];
  add(path: string, problem: string): void {
    this.errors.push(`${path}: ${problem}`);
  }
}

interface Context {
  findings: Findings;
  /** Contained resources by id, for resolving `#id` references. */
  contained: Map<string, string>;
}

const list = (ctx: Context, node: Json, key: string, path: string, required = false): unknown[] => {
  const value = node[key];
  if (value === undefined) {
    if (required) ctx.findings.add(`${path}.${key}`, 'required');
    return [];
  }
  if (!Array.isArray(value)) {
    ctx.findings.add(`${path}.${key}`, 'must be an array');
    return [];
  }
  // FHIR forbids empty arrays: an absent element is written by leaving it out.
  if (value.length === 0) ctx.findings.add(`${path}.${key}`, 'arrays must not be empty');
  return value;
};

const code = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  allowed: readonly string[],
  required: boolean,
): void => {
  const value = node[key];
  if (value === undefined) {
    if (required) ctx.findings.add(`${path}.${key}`, 'required');
    return;
  }
  if (typeof value !== 'string' || !allowed.includes(value))
    ctx.findings.add(`${path}.${key}`, `must be one of ${allowed.join('|')}`);
};

const dateTime = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  check: (v: string) => boolean,
  kind: string,
): void => {
  const value = node[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !check(value))
    ctx.findings.add(`${path}.${key}`, `must be a FHIR ${kind}`);
};

const coding = (
  ctx: Context,
  value: unknown,
  path: string,
  systems?: Readonly<Record<string, readonly string[] | null>>,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Coding');
    return;
  }
  const { system, code: c } = value;
  if (c !== undefined && typeof system !== 'string')
    ctx.findings.add(`${path}.system`, 'required when code is present');
  if (system !== undefined && (typeof system !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(system))) {
    ctx.findings.add(`${path}.system`, 'must be a URI');
  }
  if (c !== undefined && (typeof c !== 'string' || c.trim() !== c || c.length === 0))
    ctx.findings.add(`${path}.code`, 'must be a code');
  if (systems === undefined || typeof system !== 'string') return;
  if (!Object.hasOwn(systems, system)) {
    ctx.findings.add(`${path}.system`, `must be one of ${Object.keys(systems).join(', ')}`);
    return;
  }
  const allowed = systems[system];
  if (allowed && (typeof c !== 'string' || !allowed.includes(c))) {
    ctx.findings.add(`${path}.code`, `must be one of ${allowed.join('|')}`);
  }
};

/** Checks a CodeableConcept; `systems` maps allowed systems to allowed codes (null: any code). */
const concept = (
  ctx: Context,
  value: unknown,
  path: string,
  systems?: Readonly<Record<string, readonly string[] | null>>,
  requireCoding = false,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a CodeableConcept');
    return;
  }
  const codings = list(ctx, value, 'coding', path, requireCoding);
  codings.forEach((c, i) => {
    coding(ctx, c, `${path}.coding[${i}]`, systems);
  });
  if (codings.length === 0 && typeof value.text !== 'string')
    ctx.findings.add(path, 'needs a coding or text');
};

/** Checks a Reference's format and, for `#id`, that it resolves to a contained resource of an allowed type. */
const reference = (
  ctx: Context,
  value: unknown,
  path: string,
  types: readonly string[],
  allowDisplayOnly = false,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Reference');
    return;
  }
  const ref = value.reference;
  if (ref === undefined) {
    if (!allowDisplayOnly || typeof value.display !== 'string')
      ctx.findings.add(`${path}.reference`, 'required');
    return;
  }
  if (typeof ref !== 'string') {
    ctx.findings.add(`${path}.reference`, 'must be a string');
    return;
  }
  const localMatch = LOCAL_REFERENCE.exec(ref);
  if (localMatch) {
    const type = ctx.contained.get(localMatch[1] ?? '');
    if (type === undefined) {
      ctx.findings.add(`${path}.reference`, `no contained resource ${ref}`);
      return;
    }
    if (!types.includes(type)) ctx.findings.add(`${path}.reference`, `must refer to ${types.join('|')}`);
    return;
  }
  const match = RESOURCE_REFERENCE.exec(ref);
  if (!match) {
    ctx.findings.add(`${path}.reference`, 'must be Type/id or #id');
    return;
  }
  if (!types.includes(match[1] ?? ''))
    ctx.findings.add(`${path}.reference`, `must refer to ${types.join('|')}`);
};

const references = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  types: readonly string[],
  allowDisplayOnly = false,
): void => {
  for (const [i, r] of list(ctx, node, key, path).entries()) {
    reference(ctx, r, `${path}.${key}[${i}]`, types, allowDisplayOnly);
  }
};

const period = (ctx: Context, value: unknown, path: string): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Period');
    return;
  }
  dateTime(ctx, value, 'start', path, isDateTime, 'dateTime');
  dateTime(ctx, value, 'end', path, isDateTime, 'dateTime');
  const { start, end } = value;
  // Same-precision values sort correctly as strings in UTC; mixed precision is compared by date.
  if (typeof start === 'string' && typeof end === 'string' && isDateTime(start) && isDateTime(end)) {
    const comparable = start.endsWith('Z') === end.endsWith('Z') && start.length === end.length;
    const [a, b] = comparable ? [start, end] : [start.slice(0, 10), end.slice(0, 10)];
    if (a > b) ctx.findings.add(path, 'start must not be after end');
  }
};

const quantity = (ctx: Context, value: unknown, path: string): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Quantity');
    return;
  }
  if (value.value !== undefined && (typeof value.value !== 'number' || !Number.isFinite(value.value))) {
    ctx.findings.add(`${path}.value`, 'must be a decimal');
  }
  code(ctx, value, 'comparator', path, FHIR_CODES.quantityComparator, false);
  if (value.code !== undefined && typeof value.system !== 'string')
    ctx.findings.add(`${path}.system`, 'required when code is present');
};

const SUBJECT_TYPES = ['Patient', 'Group'];

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

const indexContained = (ctx: Context, plan: Json): Json[] => {
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

const validateContained = (ctx: Context, plan: Json, resources: Json[]): void => {
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

const validateActivity = (ctx: Context, activity: unknown, path: string): void => {
  if (!isObject(activity)) {
    ctx.findings.add(path, 'must be an activity');
    return;
  }
  const { detail } = activity;
  if ((detail === undefined) === (activity.reference === undefined)) {
    ctx.findings.add(path, 'needs exactly one of detail or reference (cpl-3)');
  }
  if (activity.reference !== undefined) {
    reference(ctx, activity.reference, `${path}.reference`, [
      'Appointment',
      'CommunicationRequest',
      'DeviceRequest',
      'MedicationRequest',
      'NutritionOrder',
      'Task',
      'ServiceRequest',
      'VisionPrescription',
      'RequestGroup',
    ]);
  }
  if (detail === undefined) return;
  const at = `${path}.detail`;
  if (!isObject(detail)) {
    ctx.findings.add(at, 'must be a detail');
    return;
  }
  code(ctx, detail, 'kind', at, FHIR_CODES.activityKind, false);
  code(ctx, detail, 'status', at, FHIR_CODES.activityStatus, true);
  if (detail.code !== undefined) concept(ctx, detail.code, `${at}.code`);
  if (detail.description !== undefined && typeof detail.description !== 'string')
    ctx.findings.add(`${at}.description`, 'must be a string');
  references(ctx, detail, 'goal', at, ['Goal']);
  references(
    ctx,
    detail,
    'performer',
    at,
    [
      'Practitioner',
      'PractitionerRole',
      'Organization',
      'RelatedPerson',
      'Patient',
      'CareTeam',
      'HealthcareService',
      'Device',
    ],
    true,
  );
  const scheduled = ['scheduledTiming', 'scheduledPeriod', 'scheduledString'].filter(
    (k) => detail[k] !== undefined,
  );
  if (scheduled.length > 1) ctx.findings.add(at, 'only one scheduled[x] is allowed');
  if (detail.scheduledPeriod !== undefined) period(ctx, detail.scheduledPeriod, `${at}.scheduledPeriod`);
  if (isObject(detail.scheduledTiming) && isObject(detail.scheduledTiming.repeat)) {
    const repeat = detail.scheduledTiming.repeat;
    code(ctx, repeat, 'periodUnit', `${at}.scheduledTiming.repeat`, FHIR_CODES.timingUnit, false);
    for (const key of ['frequency', 'period']) {
      const n = repeat[key];
      if (n !== undefined && (typeof n !== 'number' || n <= 0))
        ctx.findings.add(`${at}.scheduledTiming.repeat.${key}`, 'must be positive');
    }
  }
};

/**
 * Structural check of a FHIR R4 CarePlan and the Goal, Condition and CareTeam resources it
 * contains: required elements, cardinalities, required-binding codes, code systems, reference
 * formats and the contained-resource rules. It is not a full profile validator; it guards the
 * export against regressions without a FHIR runtime. Returns every problem found, or none.
 */
export const validateFhirCarePlan = (resource: unknown): string[] => {
  const ctx: Context = { findings: new Findings(), contained: new Map() };
  if (!isObject(resource)) return ['CarePlan: must be an object'];
  if (resource.resourceType !== 'CarePlan') ctx.findings.add('CarePlan.resourceType', 'must be CarePlan');
  if (resource.id !== undefined && (typeof resource.id !== 'string' || !ID.test(resource.id)))
    ctx.findings.add('CarePlan.id', 'must be a FHIR id');
  if (isObject(resource.meta)) {
    const { versionId } = resource.meta;
    if (versionId !== undefined && (typeof versionId !== 'string' || !ID.test(versionId)))
      ctx.findings.add('CarePlan.meta.versionId', 'must be a FHIR id');
    dateTime(ctx, resource.meta, 'lastUpdated', 'CarePlan.meta', isInstant, 'instant');
  }

  const contained = indexContained(ctx, resource);
  validateContained(ctx, resource, contained);

  code(ctx, resource, 'status', 'CarePlan', FHIR_CODES.carePlanStatus, true);
  code(ctx, resource, 'intent', 'CarePlan', FHIR_CODES.carePlanIntent, true);
  for (const [i, c] of list(ctx, resource, 'category', 'CarePlan').entries()) {
    concept(ctx, c, `CarePlan.category[${i}]`, {
      [FHIR_SYSTEMS.carePlanCategory]: FHIR_CODES.carePlanCategory,
      [FHIR_SYSTEMS.snomed]: null,
    });
  }
  if (resource.subject === undefined) ctx.findings.add('CarePlan.subject', 'required');
  else reference(ctx, resource.subject, 'CarePlan.subject', SUBJECT_TYPES);
  if (resource.period !== undefined) period(ctx, resource.period, 'CarePlan.period');
  dateTime(ctx, resource, 'created', 'CarePlan', isDateTime, 'dateTime');
  references(ctx, resource, 'careTeam', 'CarePlan', ['CareTeam']);
  references(ctx, resource, 'addresses', 'CarePlan', ['Condition']);
  references(ctx, resource, 'goal', 'CarePlan', ['Goal']);
  for (const [i, a] of list(ctx, resource, 'activity', 'CarePlan').entries()) {
    validateActivity(ctx, a, `CarePlan.activity[${i}]`);
  }
  list(ctx, resource, 'note', 'CarePlan').forEach((n, i) => {
    if (!isObject(n) || typeof n.text !== 'string') ctx.findings.add(`CarePlan.note[${i}].text`, 'required');
  });
  return ctx.findings.errors;
};
