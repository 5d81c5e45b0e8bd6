import type { Cadence, CarePlan, Goal, GoalMeasure, InterventionKind, ResponsibleParty } from './care-plan';
import { activePrimary, activeSecondaries } from './care-team';
import type { Case } from './case';
import { FHIR_SYSTEMS } from './fhir-systems';
import type {
  FhirAnnotation,
  FhirCarePlan,
  FhirCarePlanActivityDetail,
  FhirCareTeam,
  FhirCondition,
  FhirGoal,
  FhirReference,
  FhirTiming,
} from './fhir-types';
import { PROGRAM_LABELS, SERVICE_LABELS } from './labels';
import type { VersionedCarePlan } from './versions';

const CARE_TEAM_ID = 'care-team';
const conditionId = (problemId: string): string => `condition-${problemId}`;
const goalId = (id: string): string => `goal-${id}`;
const local = (id: string): FhirReference => ({ reference: `#${id}` });
const practitioner = (staffId: string): FhirReference => ({ reference: `Practitioner/${staffId}` });

/** FHIR has no transport or screening kinds; those become requests for a service. */
const ACTIVITY_KIND: Readonly<Record<InterventionKind, string>> = {
  'medication-refill': 'MedicationRequest',
  appointment: 'Appointment',
  transport: 'ServiceRequest',
  education: 'CommunicationRequest',
  'community-resource': 'ServiceRequest',
  screening: 'ServiceRequest',
  other: 'Task',
};

const PERIOD_UNIT: Readonly<Record<Cadence['unit'], 'd' | 'wk' | 'mo'>> = {
  day: 'd',
  week: 'wk',
  month: 'mo',
};

type Statuses = { plan: string; goal: string; activity: string; team: string };

/** Closing with goals met completes the plan; any other closure ends it early, which FHIR calls revoked. */
const statusesFor = (current: Case): Statuses => {
  if (current.state === 'closed') {
    return current.closeReason === 'goals-met'
      ? { plan: 'completed', goal: 'completed', activity: 'completed', team: 'inactive' }
      : { plan: 'revoked', goal: 'cancelled', activity: 'stopped', team: 'inactive' };
  }
  return current.state === 'active'
    ? { plan: 'active', goal: 'active', activity: 'in-progress', team: 'active' }
    : { plan: 'active', goal: 'active', activity: 'not-started', team: 'active' };
};

const performersFor = (party: ResponsibleParty, current: Case): FhirReference[] => {
  if (party === 'primary') return [practitioner(activePrimary(current))];
  const staff = activeSecondaries(current).filter((s) => s.service === party);
  // No one assigned yet: name the service so the responsibility is still visible.
  return staff.length > 0
    ? staff.map((s) => practitioner(s.staffId))
    : [{ display: `${SERVICE_LABELS[party]} service` }];
};

const timing = (cadence: Cadence): FhirTiming => ({
  repeat: { frequency: 1, period: cadence.every, periodUnit: PERIOD_UNIT[cadence.unit] },
});

const target = (measure: GoalMeasure, dueDate: string | undefined) => ({
  measure: {
    ...(measure.loinc
      ? { coding: [{ system: FHIR_SYSTEMS.loinc, code: measure.loinc, display: measure.metric }] }
      : {}),
    text: measure.metric,
  },
  detailQuantity: {
    value: measure.value,
    ...(measure.comparator === '=' ? {} : { comparator: measure.comparator }),
    unit: measure.unit,
    system: FHIR_SYSTEMS.ucum,
    code: measure.unit,
  },
  ...(dueDate ? { dueDate } : {}),
});

const toGoal = (goal: Goal, subject: FhirReference, status: string): FhirGoal => ({
  resourceType: 'Goal',
  id: goalId(goal.id),
  lifecycleStatus: status,
  description: { text: goal.description },
  subject,
  ...(goal.measures.length > 0 ? { target: goal.measures.map((m) => target(m, goal.targetDate)) } : {}),
  ...(goal.problemIds.length > 0 ? { addresses: goal.problemIds.map((id) => local(conditionId(id))) } : {}),
});

const toConditions = (plan: CarePlan, subject: FhirReference): FhirCondition[] =>
  plan.problems.map((problem) => ({
    resourceType: 'Condition',
    id: conditionId(problem.id),
    clinicalStatus: { coding: [{ system: FHIR_SYSTEMS.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: FHIR_SYSTEMS.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: FHIR_SYSTEMS.conditionCategory, code: 'problem-list-item' }] }],
    code: {
      ...(problem.icd10 ? { coding: [{ system: FHIR_SYSTEMS.icd10cm, code: problem.icd10 }] } : {}),
      text: problem.description,
    },
    subject,
  }));

const toCareTeam = (current: Case, subject: FhirReference, status: string): FhirCareTeam => ({
  resourceType: 'CareTeam',
  id: CARE_TEAM_ID,
  status,
  subject,
  participant: current.careTeam
    .filter((a) => a.until === undefined)
    .map((a) => ({
      role: [
        { text: a.role === 'primary' ? 'Primary case manager' : `${SERVICE_LABELS[a.service]} case manager` },
      ],
      member: practitioner(a.staffId),
      period: { start: a.from },
    })),
});

const activities = (plan: CarePlan, current: Case, status: string): FhirCarePlanActivityDetail[] => [
  ...plan.interventions.map((i) => ({
    kind: ACTIVITY_KIND[i.kind],
    code: { text: i.kind },
    status,
    description: i.description,
    performer: performersFor(i.responsible, current),
    ...(i.cadence ? { scheduledTiming: timing(i.cadence) } : {}),
    ...(i.goalIds && i.goalIds.length > 0 ? { goal: i.goalIds.map((id) => local(goalId(id))) } : {}),
  })),
  ...(plan.communityServices?.status === 'ordered'
    ? plan.communityServices.services.map((s) => ({
        kind: 'ServiceRequest',
        code: { text: 'community-resource' },
        status,
        description: s.organization ? `${s.description} (${s.organization})` : s.description,
        performer: performersFor(s.responsible, current),
      }))
    : []),
  ...(plan.coordination?.status === 'coordinating'
    ? plan.coordination.providers.map((p) => ({
        kind: 'Task',
        code: { text: 'coordination' },
        status,
        description: `Coordinate with ${p.providerType}: ${p.arrangement}`,
        performer: [practitioner(activePrimary(current)), { display: p.organization ?? p.providerType }],
      }))
    : []),
  ...(plan.reviewDate
    ? [
        {
          kind: 'Task',
          code: { text: 'periodic-review' },
          status,
          description: 'Periodic care plan review',
          scheduledPeriod: { start: plan.reviewDate },
          performer: [practitioner(activePrimary(current))],
        },
      ]
    : []),
];

const notes = (plan: CarePlan): FhirAnnotation[] => {
  const lines: [string, string | undefined][] = [
    ['Expected outcome', plan.expectedOutcome],
    ['Prognosis', plan.prognosis],
    ['Symptom management', plan.symptomManagement.join(' ') || undefined],
    ['Medication management', plan.medicationManagement?.summary],
  ];
  return lines.flatMap(([label, text]) => (text ? [{ text: `${label}: ${text}` }] : []));
};

/** FHIR forbids empty arrays, so an empty list is left out rather than written as `[]`. */
const nonEmpty = <K extends string, T>(key: K, items: T[]): Partial<Record<K, T[]>> =>
  items.length > 0 ? ({ [key]: items } as Partial<Record<K, T[]>>) : {};

/**
 * Exports the current version of a plan as a FHIR R4 CarePlan. Goals, conditions and the care
 * team travel as contained resources so the export is self-contained for a receiving system.
 */
export const toFhirCarePlan = (plan: VersionedCarePlan, current: Case): FhirCarePlan => {
  const subject: FhirReference = { reference: `Patient/${current.patientId}` };
  const statuses = statusesFor(current);
  const established = plan.versions[0]?.changedAt;
  const lastUpdated = plan.versions[plan.versions.length - 1]?.changedAt;
  const content = plan.plan;

  return {
    resourceType: 'CarePlan',
    id: plan.planId,
    meta: { versionId: String(plan.version), ...(lastUpdated ? { lastUpdated } : {}) },
    contained: [
      ...toConditions(content, subject),
      ...content.goals.map((g) => toGoal(g, subject, statuses.goal)),
      toCareTeam(current, subject, statuses.team),
    ],
    status: statuses.plan,
    intent: 'plan',
    category: [{ coding: [{ system: FHIR_SYSTEMS.carePlanCategory, code: 'assess-plan' }] }],
    title: `${PROGRAM_LABELS[plan.program]} care plan`,
    subject,
    period: {
      ...(established ? { start: established } : {}),
      ...(current.state === 'closed' && current.closedAt ? { end: current.closedAt } : {}),
    },
    ...(established ? { created: established } : {}),
    careTeam: [local(CARE_TEAM_ID)],
    ...nonEmpty(
      'addresses',
      content.problems.map((p) => local(conditionId(p.id))),
    ),
    ...nonEmpty(
      'goal',
      content.goals.map((g) => local(goalId(g.id))),
    ),
    ...nonEmpty(
      'activity',
      activities(content, current, statuses.activity).map((detail) => ({ detail })),
    ),
    ...nonEmpty('note', notes(content)),
  };
};
