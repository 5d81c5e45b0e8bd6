import * as z from 'zod/mini';
import { PlannedIntervention } from '../../events/care-plan-established.v1';
import { SecondaryService } from '../../events/shared';
import { withMeta } from '../../meta';
import { Icd10CmDottedCode, IsoDate, IsoInstant, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { CaseIdParams, StaffId, Text, tag } from './shared';

/** Id of an item inside a care plan (problem, goal, intervention...). */
export const PlanItemId = withMeta(
  z.string().check(z.regex(/^[A-Za-z0-9.-]{1,48}$/, '1-48 characters of A-Z a-z 0-9 . -')),
  { example: 'g-a1c' },
);

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
