import {
  defineManifest,
  EligibilityDeterminedV1,
  PracticeChangedV1,
  practiceDirectorySubscription,
  RiskFlaggedV1,
  ScreeningScoredV1,
  standardTable,
} from '@carelink/contracts';
import {
  changeCareTeamRoute,
  closeCaseRoute,
  createCarePlanFromTemplateRoute,
  getCarePlanRoute,
  getCarePlanVersionRoute,
  getCaseRoute,
  listCarePlanVersionsRoute,
  listCasesRoute,
  listRosterStaffRoute,
  putAssessmentRoute,
  putCarePlanRoute,
  putRosterStaffRoute,
} from '@carelink/contracts/api/care-planning';

/** The care-planning service as infra and the local cloud deploy it. */
export const carePlanningManifest = defineManifest({
  name: 'care-planning',
  source: 'carelink.care-planning',
  dir: import.meta.dirname,
  table: standardTable,
  routes: [
    { contract: putRosterStaffRoute, handler: 'handlers/put-roster-staff.ts' },
    { contract: listRosterStaffRoute, handler: 'handlers/list-roster-staff.ts' },
    { contract: listCasesRoute, handler: 'handlers/list-cases.ts' },
    { contract: getCaseRoute, handler: 'handlers/get-case.ts' },
    { contract: putAssessmentRoute, handler: 'handlers/put-assessment.ts' },
    { contract: putCarePlanRoute, handler: 'handlers/put-care-plan.ts' },
    { contract: getCarePlanRoute, handler: 'handlers/get-care-plan.ts' },
    { contract: listCarePlanVersionsRoute, handler: 'handlers/list-care-plan-versions.ts' },
    { contract: getCarePlanVersionRoute, handler: 'handlers/get-care-plan-version.ts' },
    { contract: createCarePlanFromTemplateRoute, handler: 'handlers/create-care-plan-from-template.ts' },
    { contract: changeCareTeamRoute, handler: 'handlers/change-care-team.ts' },
    { contract: closeCaseRoute, handler: 'handlers/close-case.ts' },
  ],
  subscriptions: [
    practiceDirectorySubscription(PracticeChangedV1),
    {
      name: 'open-case-on-eligibility',
      events: [EligibilityDeterminedV1],
      handler: 'handlers/on-eligibility-determined.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    {
      name: 'risk-review',
      events: [RiskFlaggedV1],
      handler: 'handlers/on-risk-flagged.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
    {
      name: 'screening-scores',
      events: [ScreeningScoredV1],
      handler: 'handlers/on-screening-scored.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
    },
  ],
  schedules: [
    {
      name: 'assessment-overdue',
      expression: 'cron(0 6 * * ? *)',
      timeZone: 'America/New_York',
      handler: 'handlers/report-overdue-assessments.ts',
      description:
        'Daily: publish AssessmentOverdue once per case and missed 30-day begin / 60-day completion deadline',
    },
  ],
  localSeed: 'local-seed.ts',
});
