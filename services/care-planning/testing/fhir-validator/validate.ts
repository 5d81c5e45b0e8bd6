import { FHIR_CODES, FHIR_SYSTEMS } from '../../domain/fhir-systems';
import { indexContained, SUBJECT_TYPES, validateContained } from './check-contained';
import {
  type Context,
  code,
  concept,
  dateTime,
  Findings,
  ID,
  isDateTime,
  isInstant,
  isObject,
  list,
  period,
  reference,
  references,
} from './check-datatypes';

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
    // A referenced activity is any resource a detail could describe, or a group of them.
    reference(ctx, activity.reference, `${path}.reference`, [...FHIR_CODES.activityKind, 'RequestGroup']);
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
