import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFhirCarePlan } from '../testing/fhir-validator/validate';
import { at, completePlan, teamCase } from '../testing/fixtures';
import type { CarePlan } from './care-plan';
import { removeSecondary } from './care-team';
import { activateCase, type Case, closeCase } from './case';
import { toFhirCarePlan } from './fhir-care-plan';
import type { FhirCarePlan, FhirCareTeam, FhirCondition, FhirGoal } from './fhir-types';
import { CONDITION_TEMPLATES, startPlanFromTemplates, type TemplateCondition } from './templates';
import { establish, type VersionedCarePlan } from './versions';

const later = at('2026-03-01T12:00:00Z');
const planFor = (content: CarePlan, current: Case = teamCase()): VersionedCarePlan =>
  establish(content, { planId: 'plan-1', case: current, staffId: 'cm-1', now: at('2026-02-01T15:00:00Z') })
    .plan;
const exported = (current: Case = teamCase()): FhirCarePlan =>
  toFhirCarePlan(planFor(completePlan()), current);
const contained = <T>(resource: FhirCarePlan, type: string): T[] =>
  (resource.contained ?? []).filter((r) => r.resourceType === type) as T[];

const states: [string, () => Case][] = [
  ['open', () => teamCase()],
  ['active', () => activateCase(teamCase(), later).case],
  ['closed with goals met', () => closeCase(teamCase(), 'goals-met', later).case],
  ['closed after transfer', () => closeCase(teamCase(), 'transferred', later).case],
];

describe('toFhirCarePlan', () => {
  it.each(states)('passes the structural validator for a case that is %s', (_label, current) => {
    expect(validateFhirCarePlan(exported(current()))).toEqual([]);
  });

  it.each([
    ['open', 'active', 'active', 'not-started'],
    ['active', 'active', 'active', 'in-progress'],
    ['closed with goals met', 'completed', 'completed', 'completed'],
    ['closed after transfer', 'revoked', 'cancelled', 'stopped'],
  ])('maps a case that is %s to plan %s, goals %s, activities %s', (label, plan, goal, activity) => {
    const current = states.find(([l]) => l === label)![1]();
    const resource = exported(current);
    expect(resource.status).toBe(plan);
    expect(contained<FhirGoal>(resource, 'Goal').map((g) => g.lifecycleStatus)).toEqual(
      ['active', 'active', 'active'].map(() => goal),
    );
    expect(new Set(resource.activity?.map((a) => a.detail?.status))).toEqual(new Set([activity]));
  });

  it('states the subject, intent, period, version and category', () => {
    const resource = toFhirCarePlan(planFor(completePlan()), closeCase(teamCase(), 'goals-met', later).case);
    expect(resource).toMatchObject({
      resourceType: 'CarePlan',
      id: 'plan-1',
      meta: { versionId: '1', lastUpdated: '2026-02-01T15:00:00Z' },
      intent: 'plan',
      subject: { reference: 'Patient/patient-1' },
      period: { start: '2026-02-01T15:00:00Z', end: '2026-03-01T12:00:00Z' },
      careTeam: [{ reference: '#care-team' }],
      category: [
        {
          coding: [
            { system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' },
          ],
        },
      ],
    });
  });

  it('contains the problems as coded Conditions the plan addresses', () => {
    const resource = exported();
    expect(resource.addresses).toEqual([{ reference: '#condition-p-dm' }, { reference: '#condition-p-htn' }]);
    const [diabetes] = contained<FhirCondition>(resource, 'Condition');
    expect(diabetes?.code).toEqual({
      coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }],
      text: 'Type 2 diabetes',
    });
    expect(diabetes?.subject).toEqual({ reference: 'Patient/patient-1' });
  });

  it('contains the goals with LOINC measures, UCUM targets and due dates', () => {
    const resource = exported();
    expect(resource.goal?.map((g) => g.reference)).toEqual(['#goal-g-a1c', '#goal-g-meal', '#goal-g-bp']);
    const a1c = contained<FhirGoal>(resource, 'Goal').find((g) => g.id === 'goal-g-a1c');
    expect(a1c?.target).toEqual([
      {
        measure: {
          coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }],
          text: 'Hemoglobin A1c',
        },
        detailQuantity: {
          value: 8,
          comparator: '<',
          unit: '%',
          system: 'http://unitsofmeasure.org',
          code: '%',
        },
        dueDate: '2026-07-15',
      },
    ]);
    expect(a1c?.addresses).toEqual([{ reference: '#condition-p-dm' }]);
  });

  it('contains the active care team with the primary and each secondary', () => {
    const [team] = contained<FhirCareTeam>(exported(), 'CareTeam');
    expect(team?.participant?.map((p) => [p.member?.reference, p.role?.[0]?.text])).toEqual([
      ['Practitioner/cm-1', 'Primary case manager'],
      ['Practitioner/nut-1', 'Nutrition case manager'],
      ['Practitioner/rx-1', 'Pharmacy case manager'],
    ]);
  });

  it('names the performer of each activity, falling back to the service when nobody is assigned', () => {
    const withoutPharmacist = removeSecondary(teamCase(), 'rx-1', 'pharmacy', later).case;
    const resource = toFhirCarePlan(planFor(completePlan()), withoutPharmacist);
    const byDescription = new Map(resource.activity?.map((a) => [a.detail?.description, a.detail]));
    expect(byDescription.get('HbA1c test')).toMatchObject({
      kind: 'ServiceRequest',
      performer: [{ reference: 'Practitioner/cm-1' }],
      scheduledTiming: { repeat: { frequency: 1, period: 3, periodUnit: 'mo' } },
      goal: [{ reference: '#goal-g-a1c' }],
    });
    expect(byDescription.get('Meal planning coaching')).toMatchObject({
      kind: 'CommunicationRequest',
      performer: [{ reference: 'Practitioner/nut-1' }],
    });
    expect(byDescription.get('Refill check')).toMatchObject({
      kind: 'MedicationRequest',
      performer: [{ display: 'Pharmacy service' }],
    });
    expect(byDescription.get('Periodic care plan review')).toMatchObject({
      scheduledPeriod: { start: '2026-04-20' },
    });
    expect(validateFhirCarePlan(resource)).toEqual([]);
  });

  it('passes the validator for any mix of condition templates and case state', () => {
    const conditions = Object.keys(CONDITION_TEMPLATES) as TemplateCondition[];
    fc.assert(
      fc.property(
        fc.subarray(conditions, { minLength: 1 }),
        fc.constantFrom(...states),
        fc.boolean(),
        (chosen, [, state], noneNeeded) => {
          let n = 0;
          const draft = startPlanFromTemplates(chosen, { start: '2026-02-01', newId: () => `x${++n}` });
          const plan: CarePlan = {
            ...completePlan(),
            ...draft,
            ...(noneNeeded
              ? { communityServices: { status: 'none-needed' }, coordination: { status: 'none-needed' } }
              : {}),
          };
          expect(validateFhirCarePlan(toFhirCarePlan(planFor(plan), state()))).toEqual([]);
        },
      ),
    );
  });
});

type Mutable = Record<string, unknown> & {
  contained: Record<string, unknown>[];
  activity: Record<string, unknown>[];
};
const broken = (mutate: (r: Mutable) => void): unknown => {
  const resource = structuredClone(exported()) as unknown as Mutable;
  mutate(resource);
  return resource;
};
const goalIndex = (r: Mutable) => r.contained.findIndex((c) => c.resourceType === 'Goal');
const conditionIndex = (r: Mutable) => r.contained.findIndex((c) => c.resourceType === 'Condition');

describe('validateFhirCarePlan', () => {
  it.each([
    [
      'the wrong resource type',
      (r: Mutable) => {
        r.resourceType = 'Goal';
      },
      'CarePlan.resourceType: must be CarePlan',
    ],
    [
      'a missing status',
      (r: Mutable) => {
        delete r.status;
      },
      'CarePlan.status: required',
    ],
    [
      'an unknown intent',
      (r: Mutable) => {
        r.intent = 'wish';
      },
      'CarePlan.intent: must be one of proposal|plan|order|option',
    ],
    [
      'a missing subject',
      (r: Mutable) => {
        delete r.subject;
      },
      'CarePlan.subject: required',
    ],
    [
      'a subject that is not a Patient',
      (r: Mutable) => {
        r.subject = { reference: 'Practitioner/cm-1' };
      },
      'CarePlan.subject.reference: must refer to Patient|Group',
    ],
    [
      'a malformed reference',
      (r: Mutable) => {
        r.subject = { reference: 'Patient/has space' };
      },
      'CarePlan.subject.reference: must be Type/id or #id',
    ],
    [
      'a dangling local reference',
      (r: Mutable) => {
        r.goal = [{ reference: '#goal-missing' }];
      },
      'CarePlan.goal[0].reference: no contained resource #goal-missing',
    ],
    [
      'addresses pointing at a Goal',
      (r: Mutable) => {
        r.addresses = [{ reference: '#goal-g-a1c' }];
      },
      'CarePlan.addresses[0].reference: must refer to Condition',
    ],
    [
      'an empty array',
      (r: Mutable) => {
        r.careTeam = [];
      },
      'CarePlan.careTeam: arrays must not be empty',
    ],
    [
      'a period ending before it starts',
      (r: Mutable) => {
        r.period = { start: '2026-03-01', end: '2026-02-01' };
      },
      'CarePlan.period: start must not be after end',
    ],
    [
      'a malformed dateTime',
      (r: Mutable) => {
        r.created = '2026-02-30T25:00:00Z';
      },
      'CarePlan.created: must be a FHIR dateTime',
    ],
    [
      'a contained resource nobody references',
      (r: Mutable) => {
        r.goal = (r.goal as unknown[]).slice(1);
        r.activity = r.activity.map((a) => ({ detail: { ...(a.detail as object), goal: undefined } }));
      },
      'CarePlan.contained[2]: must be referenced from the resource (dom-3)',
    ],
    [
      'duplicate contained ids',
      (r: Mutable) => {
        r.contained[1]!.id = r.contained[0]!.id;
      },
      'CarePlan.contained[1].id: duplicate id condition-p-dm',
    ],
    [
      'nested contained resources',
      (r: Mutable) => {
        r.contained[0]!.contained = [];
      },
      'CarePlan.contained[0].contained: contained resources must not contain resources (dom-2)',
    ],
    [
      'a contained version id',
      (r: Mutable) => {
        r.contained[0]!.meta = { versionId: '3' };
      },
      'CarePlan.contained[0].meta: must not carry versionId or lastUpdated (dom-4)',
    ],
    [
      'a goal without lifecycle status',
      (r: Mutable) => {
        delete r.contained[goalIndex(r)]!.lifecycleStatus;
      },
      'CarePlan.contained[2].lifecycleStatus: required',
    ],
    [
      'a goal without description',
      (r: Mutable) => {
        delete r.contained[goalIndex(r)]!.description;
      },
      'CarePlan.contained[2].description: required',
    ],
    [
      'a goal target detail without measure',
      (r: Mutable) => {
        const g = r.contained[goalIndex(r)]!;
        g.target = [{ detailQuantity: { value: 1 } }];
      },
      'CarePlan.contained[2].target[0].measure: required when a detail is given (gol-1)',
    ],
    [
      'a quantity code without system',
      (r: Mutable) => {
        const g = r.contained[goalIndex(r)]!;
        g.target = [{ measure: { text: 'x' }, detailQuantity: { value: 1, code: '%' } }];
      },
      'CarePlan.contained[2].target[0].detailQuantity.system: required when code is present',
    ],
    [
      'a goal measure in an unexpected code system',
      (r: Mutable) => {
        const g = r.contained[goalIndex(r)]!;
        g.target = [{ measure: { coding: [{ system: 'http://example.org/x', code: '1' }] } }];
      },
      'CarePlan.contained[2].target[0].measure.coding[0].system: must be one of http://loinc.org, http://snomed.info/sct',
    ],
    [
      'a condition coded outside ICD-10-CM and SNOMED',
      (r: Mutable) => {
        r.contained[conditionIndex(r)]!.code = {
          coding: [{ system: 'http://hl7.org/fhir/sid/icd-9-cm', code: '250.00' }],
        };
      },
      'CarePlan.contained[0].code.coding[0].system: must be one of http://hl7.org/fhir/sid/icd-10-cm, http://snomed.info/sct',
    ],
    [
      'an unknown clinical status code',
      (r: Mutable) => {
        r.contained[conditionIndex(r)]!.clinicalStatus = {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'cured' }],
        };
      },
      'CarePlan.contained[0].clinicalStatus.coding[0].code: must be one of active|recurrence|relapse|inactive|remission|resolved',
    ],
    [
      'a problem-list condition without clinical status',
      (r: Mutable) => {
        delete r.contained[conditionIndex(r)]!.clinicalStatus;
      },
      'CarePlan.contained[0].clinicalStatus: required for a problem-list item (con-3)',
    ],
    [
      'a coding with a code but no system',
      (r: Mutable) => {
        r.category = [{ coding: [{ code: 'assess-plan' }] }];
      },
      'CarePlan.category[0].coding[0].system: required when code is present',
    ],
    [
      'an activity with both detail and reference',
      (r: Mutable) => {
        r.activity[0]!.reference = { reference: 'Task/t1' };
      },
      'CarePlan.activity[0]: needs exactly one of detail or reference (cpl-3)',
    ],
    [
      'an activity without status',
      (r: Mutable) => {
        delete (r.activity[0]!.detail as Record<string, unknown>).status;
      },
      'CarePlan.activity[0].detail.status: required',
    ],
    [
      'an unknown activity kind',
      (r: Mutable) => {
        (r.activity[0]!.detail as Record<string, unknown>).kind = 'Transport';
      },
      'CarePlan.activity[0].detail.kind: must be one of Appointment|CommunicationRequest|DeviceRequest|MedicationRequest|NutritionOrder|Task|ServiceRequest|VisionPrescription',
    ],
    [
      'a performer that is not a Reference',
      (r: Mutable) => {
        (r.activity[0]!.detail as Record<string, unknown>).performer = [{}];
      },
      'CarePlan.activity[0].detail.performer[0].reference: required',
    ],
    [
      'two scheduled[x] values',
      (r: Mutable) => {
        (r.activity[0]!.detail as Record<string, unknown>).scheduledString = 'often';
      },
      'CarePlan.activity[0].detail: only one scheduled[x] is allowed',
    ],
    [
      'an unknown timing unit',
      (r: Mutable) => {
        (r.activity[0]!.detail as Record<string, unknown>).scheduledTiming = {
          repeat: { period: 1, periodUnit: 'fortnight' },
        };
      },
      'CarePlan.activity[0].detail.scheduledTiming.repeat.periodUnit: must be one of s|min|h|d|wk|mo|a',
    ],
  ])('reports %s', (_label, mutate, finding) => {
    expect(validateFhirCarePlan(broken(mutate))).toContain(finding);
  });

  it.each([
    ['a string', 'CarePlan'],
    ['null', null],
    ['an array', []],
  ])('rejects %s outright', (_label, value) => {
    expect(validateFhirCarePlan(value)).toEqual(['CarePlan: must be an object']);
  });
});
