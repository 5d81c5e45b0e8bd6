import * as z from 'zod/mini';
import {
  AdlActivity,
  AssessmentSeverity,
  CaregiverRelationship,
  HousingStatus,
  IadlActivity,
  MedicationAdherence,
} from '../../assessment-vocabulary';
import { withMeta } from '../../meta';
import { Icd10CmDottedCode, IsoInstant, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { CaseIdParams, Text, tag } from './shared';

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
