import * as z from 'zod/mini';
import {
  AdlActivity,
  AssessmentSeverity,
  CaregiverRelationship,
  HousingStatus,
  IadlActivity,
  MedicationAdherence,
} from '../assessment-vocabulary';
import { PlannedIntervention } from '../events/care-plan-established.v1';
import { CaseTaskType, ReviewTaskOutcome } from '../events/case-task-changed.v1';
import { CaseCloseReason, SecondaryService } from '../events/shared';
import { withMeta } from '../meta';
import { Cursor, IanaTimeZone, Icd10CmDottedCode, IsoDate, IsoInstant, Program, Ulid } from '../primitives';
import { defineRoute, type RouteContract, scopes } from '../route-contract';

const tag = 'care-planning';
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A staff member's id in the practice roster (also the subject of their access token). */
export const StaffId = withMeta(
  z.string().check(z.regex(/^[A-Za-z0-9.-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 . -')),
  { example: 'staff-boston-care-manager' },
);

/** Id of an item inside a care plan (problem, goal, intervention...). */
export const PlanItemId = withMeta(
  z.string().check(z.regex(/^[A-Za-z0-9.-]{1,48}$/, '1-48 characters of A-Z a-z 0-9 . -')),
  { example: 'g-a1c' },
);

// ---------------------------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------------------------

export const StaffRole = z.enum([
  'care-manager',
  'physician',
  'clinical-staff',
  'staff-admin',
  'billing-lead',
]);

const rosterExample = {
  role: 'care-manager',
  services: [],
  skills: ['ccm', 'diabetes', 'heart-failure'],
  languages: ['en'],
  capacity: 40,
  active: true,
} as const;

export const RosterStaffBody = withMeta(
  z.strictObject({
    role: StaffRole,
    /** Services delivered as a secondary case manager. */
    services: z.array(SecondaryService).check(z.maxLength(5)),
    /** Programs and clinical focus, e.g. `ccm`, `diabetes`. */
    skills: z
      .array(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lowercase skill code')))
      .check(z.maxLength(50)),
    languages: z
      .array(
        z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as es')),
      )
      .check(z.maxLength(20)),
    /** Maximum number of active cases as primary. */
    capacity: z.int().check(z.gte(0), z.lte(1000)),
    active: z.boolean(),
  }),
  { example: rosterExample },
);

export const RosterStaffResource = withMeta(
  z.extend(RosterStaffBody, {
    staffId: StaffId,
    practiceId: z.string(),
    activeCases: z.int().check(z.gte(0)),
    updatedAt: IsoInstant,
  }),
  {
    example: {
      ...rosterExample,
      staffId: 'staff-boston-care-manager',
      practiceId: 'practice-boston',
      activeCases: 3,
      updatedAt: '2026-10-01T12:00:00Z',
    },
  },
);

export const StaffIdParams = z.object({ staffId: StaffId });

export const putRosterStaffRoute = defineRoute({
  operationId: 'putRosterStaff',
  method: 'PUT',
  path: '/v1/roster/staff/{staffId}',
  summary: "Create or update a staff member in the caller's practice roster",
  description:
    'Idempotent. The active case count is kept by the service and never taken from the body; lowering ' +
    'the capacity below it only stops new assignments.',
  tag,
  scopes: [scopes.rosterManage],
  params: StaffIdParams,
  body: RosterStaffBody,
  responses: {
    200: { description: 'The staff member as stored', schema: RosterStaffResource },
    403: { description: 'Not practice staff, or the token lacks roster:manage' },
    422: { description: 'Invalid roster entry' },
  },
});

export const listRosterStaffRoute = defineRoute({
  operationId: 'listRosterStaff',
  method: 'GET',
  path: '/v1/roster/staff',
  summary: "List the caller's practice roster",
  tag,
  scopes: [scopes.rosterManage],
  responses: {
    200: {
      description: 'Every staff member of the practice',
      schema: z.object({ items: z.array(RosterStaffResource) }),
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

export const CaseStatus = z.enum(['unassigned', 'open', 'active', 'closed']);

export const CaseIdParams = z.object({ caseId: Ulid });

export const CareTeamMember = z.object({
  role: z.enum(['primary', 'secondary']),
  staffId: StaffId,
  service: z.optional(SecondaryService),
  from: IsoInstant,
  until: z.optional(IsoInstant),
});

export const CaseSummaryResource = withMeta(
  z.object({
    caseId: Ulid,
    patientId: Ulid,
    referralId: Ulid,
    practiceId: z.string(),
    program: Program,
    status: CaseStatus,
    primaryStaffId: z.optional(StaffId),
    unassignedReason: z.optional(z.string()),
    identifiedAt: IsoDate,
    openedAt: z.optional(IsoInstant),
    planVersion: z.int().check(z.gte(0)),
  }),
  {
    example: {
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      patientId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8D',
      referralId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8C',
      practiceId: 'practice-boston',
      program: 'ccm',
      status: 'open',
      primaryStaffId: 'staff-boston-care-manager',
      identifiedAt: '2026-10-01',
      openedAt: '2026-10-01T12:00:01Z',
      planVersion: 0,
    },
  },
);

export const ReviewTask = z.object({
  taskKey: z.string(),
  type: CaseTaskType,
  assigneeStaffId: z.string(),
  priority: z.enum(['routine', 'high', 'urgent']),
  flagKind: z.string(),
  severity: z.string(),
  observedAt: IsoInstant,
  dueBy: IsoInstant,
  status: z.enum(['open', 'done']),
  completed: z.optional(
    z.object({ by: z.string(), at: IsoInstant, outcome: ReviewTaskOutcome, note: z.optional(z.string()) }),
  ),
});

export const ScreeningResult = z.object({
  score: z.int().check(z.gte(0)),
  band: z.string(),
  scoredAt: IsoInstant,
});

export const CaseResource = z.extend(CaseSummaryResource, {
  timeZone: IanaTimeZone,
  dischargeDate: z.optional(IsoDate),
  closeReason: z.optional(CaseCloseReason),
  closedAt: z.optional(IsoInstant),
  careTeam: z.array(CareTeamMember),
  assessment: z.object({
    status: z.enum(['on-track', 'begin-overdue', 'completion-overdue']),
    beginBy: IsoDate,
    completeBy: IsoDate,
    begunAt: z.optional(IsoInstant),
    completedAt: z.optional(IsoInstant),
    missingSections: z.array(z.string()),
  }),
  screenings: z.record(z.string(), ScreeningResult),
  reviewTasks: z.array(ReviewTask),
});

export const ListCasesQuery = z.object({
  assignee: withMeta(z._default(z.union([z.literal('me'), z.literal('unassigned'), StaffId]), 'me'), {
    description: '`me` (the caller), `unassigned` (the worklist) or a staff id',
  }),
  status: z.optional(CaseStatus),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(Cursor),
});

export const listCasesRoute = defineRoute({
  operationId: 'listCases',
  method: 'GET',
  path: '/v1/cases',
  summary: "List the practice's cases by assignee",
  description:
    "Without `assignee` the list is the caller's own cases (`me`); `assignee=unassigned` is the " +
    'worklist of cases waiting for a primary. The answer says which filter it applied.',
  tag,
  scopes: [scopes.casesRead],
  query: ListCasesQuery,
  responses: {
    200: {
      description: 'A page of cases, newest first, with the filter applied',
      schema: z.object({
        items: z.array(CaseSummaryResource),
        nextCursor: z.optional(z.string()),
        filter: withMeta(z.object({ assignee: z.string(), status: z.optional(CaseStatus) }), {
          description: 'The filter the page was read with, defaults included (`assignee: me`)',
        }),
      }),
    },
  },
});

export const getCaseRoute = defineRoute({
  operationId: 'getCase',
  method: 'GET',
  path: '/v1/cases/{caseId}',
  summary: 'Read a case: care team, assessment status, plan version and review tasks',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  responses: {
    200: { description: 'The case', schema: CaseResource },
    404: { description: 'No such case in the caller’s practice' },
  },
});

// ---------------------------------------------------------------------------------------------
// Assessment
// ---------------------------------------------------------------------------------------------

const Count = z.int().check(z.gte(0), z.lte(1000));

export const AssessmentSections = z.strictObject({
  medical: z.strictObject({
    conditions: z
      .array(z.strictObject({ icd10: Icd10CmDottedCode, display: Text(200) }))
      .check(z.maxLength(50)),
    allergies: z.array(Text(200)).check(z.maxLength(50)),
    hospitalizationsLast12Months: Count,
    edVisitsLast12Months: Count,
  }),
  functionalCognitive: z.strictObject({
    adlDependencies: z.array(AdlActivity),
    iadlDependencies: z.array(IadlActivity),
    cognitiveImpairment: AssessmentSeverity,
    fallsLast12Months: Count,
  }),
  psychosocial: z.strictObject({
    phq9: z.optional(z.int().check(z.gte(0), z.lte(27))),
    gad7: z.optional(z.int().check(z.gte(0), z.lte(21))),
    socialIsolation: z.boolean(),
    substanceUseConcern: z.boolean(),
  }),
  environmental: z.strictObject({
    housing: HousingStatus,
    homeSafetyConcerns: z.boolean(),
    livesAlone: z.boolean(),
  }),
  caregiver: z.strictObject({
    hasCaregiver: z.boolean(),
    relationship: z.optional(CaregiverRelationship),
    caregiverStrain: z.optional(AssessmentSeverity),
  }),
  medications: z.strictObject({
    activeMedicationCount: Count,
    highRiskMedications: z.boolean(),
    adherence: MedicationAdherence,
    reconciled: z.boolean(),
  }),
  socialNeeds: z.strictObject({
    foodInsecurity: z.boolean(),
    housingInstability: z.boolean(),
    transportationBarrier: z.boolean(),
    utilityNeeds: z.boolean(),
    interpersonalSafetyConcern: z.boolean(),
  }),
});

export const assessmentExample = {
  sections: {
    medical: {
      conditions: [{ icd10: 'E11.9', display: 'Type 2 diabetes' }],
      allergies: [],
      hospitalizationsLast12Months: 1,
      edVisitsLast12Months: 2,
    },
    functionalCognitive: {
      adlDependencies: [],
      iadlDependencies: ['transportation'],
      cognitiveImpairment: 'none',
      fallsLast12Months: 0,
    },
    psychosocial: { phq9: 4, socialIsolation: false, substanceUseConcern: false },
    environmental: { housing: 'stable', homeSafetyConcerns: false, livesAlone: true },
    caregiver: { hasCaregiver: true, relationship: 'child', caregiverStrain: 'mild' },
    medications: {
      activeMedicationCount: 7,
      highRiskMedications: true,
      adherence: 'partial',
      reconciled: true,
    },
    socialNeeds: {
      foodInsecurity: false,
      housingInstability: false,
      transportationBarrier: true,
      utilityNeeds: false,
      interpersonalSafetyConcern: false,
    },
  },
  complete: true,
} as const;

export const PutAssessmentBody = withMeta(
  z.strictObject({
    /** Sections to record (or replace); sections not sent are kept. */
    sections: z.partial(AssessmentSections),
    /** Complete the assessment once every section is recorded. */
    complete: z.optional(z.boolean()),
  }),
  { example: assessmentExample },
);

export const AssessmentResource = z.object({
  assessmentId: z.string(),
  caseId: Ulid,
  begunAt: IsoInstant,
  completedAt: z.optional(IsoInstant),
  sections: z.partial(AssessmentSections),
  missingSections: z.array(z.string()),
});

export const putAssessmentRoute = defineRoute({
  operationId: 'putAssessment',
  method: 'PUT',
  path: '/v1/cases/{caseId}/assessment',
  summary: 'Begin, record sections of, or complete the comprehensive assessment',
  description:
    'The first PUT begins the assessment (the NCQA 30-day start clock); `complete: true` completes it ' +
    'once all seven sections are recorded (the 60-day clock). Only the care team may write it.',
  tag,
  scopes: [scopes.casesWrite],
  params: CaseIdParams,
  body: PutAssessmentBody,
  responses: {
    200: { description: 'The assessment as stored', schema: AssessmentResource },
    403: { description: 'Not on the care team' },
    404: { description: 'No such case' },
    409: { description: 'The assessment is already complete, or the case is closed' },
    422: { description: 'Invalid section, or sections missing to complete' },
  },
});

// ---------------------------------------------------------------------------------------------
// Care plan
// ---------------------------------------------------------------------------------------------

const ResponsibleParty = z.union([z.literal('primary'), SecondaryService]);

export const CarePlanContent = z.strictObject({
  problems: z
    .array(z.strictObject({ id: PlanItemId, description: Text(500), icd10: z.optional(Icd10CmDottedCode) }))
    .check(z.maxLength(50)),
  expectedOutcome: z.optional(Text(2000)),
  prognosis: z.optional(Text(2000)),
  goals: z
    .array(
      z.strictObject({
        id: PlanItemId,
        description: Text(500),
        owner: ResponsibleParty,
        problemIds: z.array(PlanItemId).check(z.maxLength(50)),
        measures: z
          .array(
            z.strictObject({
              metric: Text(200),
              loinc: z.optional(z.string().check(z.regex(/^[0-9]{1,7}-[0-9]$/, 'a LOINC code'))),
              comparator: z.enum(['<', '<=', '=', '>=', '>']),
              value: z.number(),
              unit: z.string().check(z.minLength(1), z.maxLength(32)),
            }),
          )
          .check(z.maxLength(20)),
        targetDate: z.optional(IsoDate),
      }),
    )
    .check(z.maxLength(50)),
  symptomManagement: z.array(Text(1000)).check(z.maxLength(50)),
  interventions: z
    .array(
      z.strictObject({
        id: PlanItemId,
        description: Text(500),
        kind: PlannedIntervention.shape.kind,
        responsible: ResponsibleParty,
        cadence: z.optional(
          z.strictObject({
            every: z.int().check(z.gte(1), z.lte(365)),
            unit: z.enum(['day', 'week', 'month']),
          }),
        ),
        goalIds: z.optional(z.array(PlanItemId).check(z.maxLength(50))),
      }),
    )
    .check(z.maxLength(100)),
  medicationManagement: z.optional(
    z.strictObject({ summary: Text(2000), reconciledOn: z.optional(IsoDate) }),
  ),
  communityServices: z.optional(
    z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('none-needed') }),
      z.strictObject({
        status: z.literal('ordered'),
        services: z
          .array(
            z.strictObject({
              id: PlanItemId,
              description: Text(500),
              organization: z.optional(Text(200)),
              responsible: ResponsibleParty,
            }),
          )
          .check(z.maxLength(50)),
      }),
    ]),
  ),
  coordination: z.optional(
    z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('none-needed') }),
      z.strictObject({
        status: z.literal('coordinating'),
        providers: z
          .array(
            z.strictObject({
              id: PlanItemId,
              providerType: Text(200),
              organization: z.optional(Text(200)),
              arrangement: Text(1000),
            }),
          )
          .check(z.maxLength(50)),
      }),
    ]),
  ),
  reviewDate: z.optional(IsoDate),
});

export const carePlanExample = {
  problems: [{ id: 'p-dm', description: 'Type 2 diabetes', icd10: 'E11.9' }],
  expectedOutcome: 'Stable blood sugar at home',
  prognosis: 'Good with adherence',
  goals: [
    {
      id: 'g-a1c',
      description: 'Keep HbA1c below 8%',
      owner: 'primary',
      problemIds: ['p-dm'],
      measures: [{ metric: 'Hemoglobin A1c', loinc: '4548-4', comparator: '<', value: 8, unit: '%' }],
      targetDate: '2027-04-01',
    },
  ],
  symptomManagement: ['Check blood sugar daily and keep a log.'],
  interventions: [
    {
      id: 'i-a1c',
      description: 'HbA1c test',
      kind: 'screening',
      responsible: 'primary',
      cadence: { every: 3, unit: 'month' },
      goalIds: ['g-a1c'],
    },
    {
      id: 'i-refill',
      description: 'Refill check',
      kind: 'medication-refill',
      responsible: 'pharmacy',
      cadence: { every: 1, unit: 'month' },
    },
  ],
  medicationManagement: { summary: 'Reconciled; weekly pill organiser', reconciledOn: '2026-10-05' },
  communityServices: { status: 'none-needed' },
  coordination: {
    status: 'coordinating',
    providers: [
      { id: 'o-endo', providerType: 'endocrinology', arrangement: 'Visit notes shared after each visit' },
    ],
  },
  reviewDate: '2027-01-05',
} as const;

export const PutCarePlanBody = withMeta(CarePlanContent, { example: carePlanExample });

export const CarePlanResource = withMeta(
  z.object({
    caseId: Ulid,
    carePlanId: z.optional(Ulid),
    state: z.enum(['draft', 'established']),
    /** 0 while only a draft exists. */
    version: z.int().check(z.gte(0)),
    changedAt: z.optional(IsoInstant),
    changedBy: z.optional(StaffId),
    plan: CarePlanContent,
    missingElements: z.array(z.string()),
  }),
  {
    example: {
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      carePlanId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8G',
      state: 'established',
      version: 1,
      changedAt: '2026-10-05T15:00:00Z',
      changedBy: 'staff-boston-care-manager',
      plan: carePlanExample,
      missingElements: [],
    },
  },
);

export const putCarePlanRoute = defineRoute({
  operationId: 'putCarePlan',
  method: 'PUT',
  path: '/v1/cases/{caseId}/care-plan',
  summary: 'Establish or revise the care plan',
  description:
    'Send If-Match `"0"` while no plan is established. The first complete plan (every CMS element) is ' +
    'established as version 1 by the primary case manager; later PUTs create a new immutable version. ' +
    'Secondary case managers may change only goals and interventions of their own services.',
  tag,
  scopes: [scopes.casesWrite],
  params: CaseIdParams,
  body: PutCarePlanBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The plan as stored', schema: CarePlanResource, headers: { etag: 'The version' } },
    403: { description: 'Not on the care team, or changing another service’s fields (listed)' },
    404: { description: 'No such case' },
    412: { description: 'If-Match is not the current version' },
    422: { description: 'Invalid plan, or required CMS elements missing (listed)' },
    428: { description: 'If-Match missing' },
  },
});

export const CarePlanQuery = z.object({
  format: withMeta(z._default(z.enum(['json', 'fhir', 'patient-copy']), 'json'), {
    description: '`fhir`: FHIR R4 CarePlan (application/fhir+json); `patient-copy`: printable HTML',
  }),
});

export const getCarePlanRoute = defineRoute({
  operationId: 'getCarePlan',
  method: 'GET',
  path: '/v1/cases/{caseId}/care-plan',
  summary: 'Read the current care plan (JSON, FHIR R4 CarePlan or a printable patient copy)',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  query: CarePlanQuery,
  responses: {
    200: {
      description: 'The plan; ETag is its version',
      schema: CarePlanResource,
      alternatives: {
        'application/fhir+json': withMeta(z.looseObject({ resourceType: z.literal('CarePlan') }), {
          description: 'A FHIR R4 CarePlan with its contained resources',
        }),
        'text/html': withMeta(z.string(), { description: 'A printable copy for the patient' }),
      },
      headers: { etag: 'The version' },
    },
    404: { description: 'No plan or draft for this case (FHIR and patient copy need an established plan)' },
  },
});

export const CarePlanVersionSummaryResource = z.object({
  version: z.int().check(z.gte(1)),
  changedBy: StaffId,
  changedAt: IsoInstant,
  changes: z.array(z.string()),
  substantial: z.boolean(),
});

export const listCarePlanVersionsRoute = defineRoute({
  operationId: 'listCarePlanVersions',
  method: 'GET',
  path: '/v1/cases/{caseId}/care-plan/versions',
  summary: 'List every version of the care plan',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  responses: {
    200: {
      description: 'Versions, oldest first',
      schema: z.object({ items: z.array(CarePlanVersionSummaryResource) }),
    },
    404: { description: 'No established plan' },
  },
});

export const CarePlanVersionParams = z.extend(CaseIdParams, {
  version: z.coerce.number().check(z.int(), z.gte(1), z.lte(1e6)),
});

export const getCarePlanVersionRoute = defineRoute({
  operationId: 'getCarePlanVersion',
  method: 'GET',
  path: '/v1/cases/{caseId}/care-plan/versions/{version}',
  summary: 'Read one immutable version of the care plan',
  tag,
  scopes: [scopes.casesRead],
  params: CarePlanVersionParams,
  responses: {
    200: {
      description: 'The version',
      schema: z.extend(CarePlanVersionSummaryResource, { plan: CarePlanContent }),
    },
    404: { description: 'No such version' },
  },
});

export const TemplateCondition = z.enum(['diabetes', 'heart-failure', 'copd', 'hypertension', 'depression']);

export const CarePlanFromTemplateBody = withMeta(
  z.strictObject({ conditions: z.array(TemplateCondition).check(z.minLength(1), z.maxLength(5)) }),
  { example: { conditions: ['diabetes', 'hypertension'] } },
);

export const createCarePlanFromTemplateRoute = defineRoute({
  operationId: 'createCarePlanFromTemplate',
  method: 'POST',
  path: '/v1/cases/{caseId}/care-plan/from-template',
  summary: 'Start a draft care plan from condition templates',
  description:
    'Replaces any earlier draft. The draft lacks outcome, prognosis, medication management, community ' +
    'services, coordination and the review date, which the care manager fills in before establishing it.',
  tag,
  scopes: [scopes.casesWrite],
  params: CaseIdParams,
  body: CarePlanFromTemplateBody,
  idempotent: true,
  responses: {
    201: { description: 'The draft', schema: CarePlanResource, headers: { location: 'The care plan URL' } },
    403: { description: 'Not the primary case manager' },
    409: { description: 'A plan is already established; revise it instead' },
  },
});

// ---------------------------------------------------------------------------------------------
// Care team and closing
// ---------------------------------------------------------------------------------------------

export const CareTeamChangeBody = withMeta(
  z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('reassign-primary'), staffId: StaffId }),
    z.strictObject({ action: z.literal('add-secondary'), staffId: StaffId, service: SecondaryService }),
    z.strictObject({ action: z.literal('remove-secondary'), staffId: StaffId, service: SecondaryService }),
  ]),
  { example: { action: 'add-secondary', staffId: 'staff-boston-bh-1', service: 'behavioral-health' } },
);

export const changeCareTeamRoute = defineRoute({
  operationId: 'changeCareTeam',
  method: 'POST',
  path: '/v1/cases/{caseId}/care-team',
  summary: 'Reassign the primary, or add or remove a secondary case manager',
  description:
    'Allowed to staff admins (roster:manage) and to the case’s primary (cases:write). Reassigning an ' +
    'unassigned case assigns its first primary and opens it. The new primary needs spare capacity.',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  body: CareTeamChangeBody,
  idempotent: true,
  responses: {
    200: { description: 'The case after the change', schema: CaseResource },
    403: { description: 'Neither a staff admin nor the primary' },
    404: { description: 'No such case' },
    409: { description: 'The change breaks a care team rule, or the staff member has no capacity' },
    422: { description: 'Unknown or unsuitable staff member' },
  },
});

export const CloseCaseBody = withMeta(z.strictObject({ reason: CaseCloseReason }), {
  example: { reason: 'goals-met' },
});

export const closeCaseRoute = defineRoute({
  operationId: 'closeCase',
  method: 'POST',
  path: '/v1/cases/{caseId}/close',
  summary: 'Close a case with a coded reason',
  tag,
  scopes: [scopes.casesWrite],
  params: CaseIdParams,
  body: CloseCaseBody,
  idempotent: true,
  responses: {
    200: { description: 'The closed case', schema: CaseResource },
    403: { description: 'Not the primary case manager' },
    404: { description: 'No such case' },
    409: { description: 'Already closed, or not yet assigned' },
  },
});

// ---------------------------------------------------------------------------------------------
// Review tasks and the assessment as read

const ReviewTaskParams = z.object({
  caseId: Ulid,
  taskKey: z.string().check(z.minLength(1), z.maxLength(300)),
});

export const listReviewTasksRoute = defineRoute({
  operationId: 'listReviewTasks',
  method: 'GET',
  path: '/v1/cases/{caseId}/review-tasks',
  summary: 'List a case’s review tasks (care plan reviews, cancelled referrals, overdue assessments)',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  query: z.object({ status: z.optional(z.enum(['open', 'done'])) }),
  responses: {
    200: { description: 'The tasks, soonest due first', schema: z.object({ items: z.array(ReviewTask) }) },
    404: { description: 'No such case in the caller’s practice' },
  },
});

export const CompleteReviewTaskBody = withMeta(
  z.strictObject({ outcome: ReviewTaskOutcome, note: z.optional(z.string().check(z.maxLength(2000))) }),
  { example: { outcome: 'care-continues', note: 'Patient wants to stay in CCM' } },
);

export const completeReviewTaskRoute = defineRoute({
  operationId: 'completeReviewTask',
  method: 'POST',
  path: '/v1/cases/{caseId}/review-tasks/{taskKey}/complete',
  summary: 'Complete a review task with an outcome; it leaves the worklist',
  tag,
  scopes: [scopes.casesWrite],
  idempotent: true,
  params: ReviewTaskParams,
  body: CompleteReviewTaskBody,
  responses: {
    200: { description: 'Completed', schema: ReviewTask },
    404: { description: 'No such case or task in the caller’s practice' },
    409: { description: 'The task is already done' },
    422: { description: 'The request is not valid' },
  },
});

export const getAssessmentRoute = defineRoute({
  operationId: 'getAssessment',
  method: 'GET',
  path: '/v1/cases/{caseId}/assessment',
  summary: 'Read the comprehensive assessment of a case',
  tag,
  scopes: [scopes.casesRead],
  params: CaseIdParams,
  responses: {
    200: { description: 'The assessment', schema: AssessmentResource },
    404: { description: 'No such case, or its assessment has not begun' },
  },
});

/** Routes served by the care-planning service. */
export const carePlanningRoutes: readonly RouteContract[] = [
  putRosterStaffRoute,
  listRosterStaffRoute,
  listCasesRoute,
  getCaseRoute,
  putAssessmentRoute,
  putCarePlanRoute,
  getCarePlanRoute,
  listCarePlanVersionsRoute,
  getCarePlanVersionRoute,
  createCarePlanFromTemplateRoute,
  changeCareTeamRoute,
  closeCaseRoute,
  listReviewTasksRoute,
  completeReviewTaskRoute,
  getAssessmentRoute,
];
