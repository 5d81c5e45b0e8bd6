import type {
  AssessmentCompletedV1,
  AssessmentOverdueV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CarePlanSectionName,
  CareTeamChangedV1,
  CaseClosedV1,
  CaseOpenedV1,
  ClaimFinalizedV1,
  ConsentRecordedV1,
  ConsentRevokedV1,
  ContactCompletedV1,
  EligibilityDeterminedV1,
  EventData,
  ReferralCancelledV1,
  ReferralReceivedV1,
  RiskFlaggedV1,
  RiskFlagResolvedV1,
  ScreeningScoredV1,
  TimeLoggedV1,
  VitalRecordedV1,
} from '@carelink/contracts';

/** What a step of the patient's story is about, for the console to group and style. */
export type TimelineKind =
  | 'referral'
  | 'eligibility'
  | 'consent'
  | 'case'
  | 'care-plan'
  | 'contact'
  | 'time'
  | 'screening'
  | 'risk-flag'
  | 'assessment'
  | 'vital'
  | 'claim';

/** One step of the story from referral to claim: codes, counts and statuses, never free text. */
export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  title: string;
  facts: { label: string; value: string }[];
}

type Facts = TimelineEntry['facts'];
const fact = (label: string, value: string | number | boolean | undefined): Facts =>
  value === undefined || value === '' ? [] : [{ label, value: String(value) }];
const list = (values: readonly string[]) => values.join(', ');

const planSectionLabels: Record<CarePlanSectionName, string> = {
  problems: 'problem list',
  expectedOutcome: 'expected outcome',
  prognosis: 'prognosis',
  goals: 'goals',
  symptomManagement: 'symptom management',
  interventions: 'interventions',
  medicationManagement: 'medication management',
  communityServices: 'community services',
  coordination: 'coordination',
  reviewDate: 'review date',
};

const vitalLabels: Record<EventData<typeof VitalRecordedV1>['type'], string> = {
  'blood-pressure': 'Blood pressure',
  glucose: 'Blood glucose',
  'body-weight': 'Body weight',
  spo2: 'Oxygen saturation',
  'heart-rate': 'Heart rate',
};

/** The entry of each event the timeline keeps, by detail type. */
export const timelineEntries = {
  ReferralReceived: (d: EventData<typeof ReferralReceivedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'referral',
    title: 'Referral received',
    facts: [
      ...fact('Programs requested', list(d.requestedPrograms)),
      ...fact('Priority', d.priority),
      ...fact('Reason', d.reason.type),
      ...fact('Diagnoses', list(d.diagnosisCodes)),
      ...fact('Discharged', d.reason.dischargeDate),
    ],
  }),
  ReferralCancelled: (d: EventData<typeof ReferralCancelledV1>, at: string): TimelineEntry => ({
    at,
    kind: 'referral',
    title: 'Referral cancelled',
    facts: fact('Reason', d.reasonCode),
  }),
  EligibilityDetermined: (d: EventData<typeof EligibilityDeterminedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'eligibility',
    title: d.determinationVersion > 1 ? 'Eligibility determined again' : 'Eligibility determined',
    facts: [
      ...d.programs.flatMap((p) =>
        fact(
          p.program.toUpperCase(),
          `${p.status} (${list(p.blockingReasons?.length ? p.blockingReasons : p.reasons)})`,
        ),
      ),
      ...fact('Chronic conditions', list(d.conditionCategories)),
      ...fact('Coverage', d.coverageStatus),
    ],
  }),
  ConsentRecorded: (d: EventData<typeof ConsentRecordedV1>): TimelineEntry => ({
    at: d.obtainedAt,
    kind: 'consent',
    title: 'Consent recorded',
    facts: [...fact('Program', d.program), ...fact('Method', d.method)],
  }),
  ConsentRevoked: (d: EventData<typeof ConsentRevokedV1>): TimelineEntry => ({
    at: d.revokedAt,
    kind: 'consent',
    title: 'Consent revoked',
    facts: [...fact('Program', d.program), ...fact('Reason', d.reason)],
  }),
  CaseOpened: (d: EventData<typeof CaseOpenedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'case',
    title: 'Case opened',
    facts: [...fact('Program', d.program), ...fact('Primary case manager', d.primaryStaffId)],
  }),
  CaseClosed: (d: EventData<typeof CaseClosedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'case',
    title: 'Case closed',
    facts: [...fact('Program', d.program), ...fact('Reason', d.reason)],
  }),
  CareTeamChanged: (d: EventData<typeof CareTeamChangedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'case',
    title:
      d.change === 'primary-reassigned'
        ? 'Primary case manager reassigned'
        : d.change === 'secondary-added'
          ? 'Secondary case manager added'
          : 'Secondary case manager removed',
    facts: [
      ...fact('Staff', d.staffId),
      ...fact('Service', d.service),
      ...fact('Previously', d.previousStaffId),
    ],
  }),
  AssessmentOverdue: (d: EventData<typeof AssessmentOverdueV1>, at: string): TimelineEntry => ({
    at,
    kind: 'case',
    title: d.milestone === 'begin' ? 'Assessment not begun on time' : 'Assessment not completed on time',
    facts: [...fact('Due', d.dueAt), ...fact('Primary case manager', d.primaryStaffId)],
  }),
  AssessmentCompleted: (d: EventData<typeof AssessmentCompletedV1>): TimelineEntry => ({
    at: d.completedAt,
    kind: 'assessment',
    title: 'Comprehensive assessment completed',
    facts: [...fact('Program', d.program), ...fact('Begun', d.begunAt), ...fact('By', d.completedBy)],
  }),
  CarePlanEstablished: (d: EventData<typeof CarePlanEstablishedV1>): TimelineEntry => ({
    at: d.establishedAt,
    kind: 'care-plan',
    title: 'Care plan established',
    facts: [
      ...fact('Version', d.version),
      ...fact('Interventions', d.interventions.length),
      ...fact('Problems', list(d.problemCodes ?? [])),
      ...fact('Review by', d.reviewDate),
    ],
  }),
  CarePlanRevised: (d: EventData<typeof CarePlanRevisedV1>): TimelineEntry => ({
    at: d.revisedAt,
    kind: 'care-plan',
    title: d.substantial ? 'Care plan revised substantially' : 'Care plan revised',
    facts: [
      ...fact('Version', d.version),
      ...fact('Changed', list((d.changedSections ?? []).map((section) => planSectionLabels[section]))),
      ...fact('Interventions', d.interventions.length),
      ...fact('Problems', list(d.problemCodes ?? [])),
    ],
  }),
  ContactCompleted: (d: EventData<typeof ContactCompletedV1>): TimelineEntry => ({
    at: d.attemptedAt,
    kind: 'contact',
    title: 'Contact attempt',
    facts: [...fact('Channel', d.channel), ...fact('Outcome', d.outcome), ...fact('By', d.staffId)],
  }),
  TimeLogged: (d: EventData<typeof TimeLoggedV1>): TimelineEntry => ({
    at: d.startedAt,
    kind: 'time',
    title: d.voided ? 'Time entry voided' : 'Time logged',
    facts: [...fact('Minutes', d.minutes), ...fact('Program', d.program), ...fact('Performer', d.performer)],
  }),
  ScreeningScored: (d: EventData<typeof ScreeningScoredV1>): TimelineEntry => ({
    at: d.scoredAt,
    kind: 'screening',
    title: 'Screening scored',
    facts: [
      ...fact('Instrument', d.instrument.toUpperCase()),
      ...fact('Score', d.score),
      ...fact('Band', d.band),
    ],
  }),
  VitalRecorded: (d: EventData<typeof VitalRecordedV1>): TimelineEntry => ({
    at: d.observedAt,
    kind: 'vital',
    title: d.flagCodes.length > 0 ? `${vitalLabels[d.type]} outside thresholds` : vitalLabels[d.type],
    facts: [
      ...fact('Reading', `${d.diastolic === undefined ? d.value : `${d.value}/${d.diastolic}`} ${d.unit}`),
      ...fact('Thresholds', d.flagCodes.length > 0 ? list(d.flagCodes) : 'within'),
    ],
  }),
  RiskFlagged: (d: EventData<typeof RiskFlaggedV1>): TimelineEntry => ({
    at: d.observedAt,
    kind: 'risk-flag',
    title: d.severity === 'urgent' ? 'Urgent risk flag' : 'Risk flag',
    facts: [...fact('Kind', d.kind), ...fact('Code', d.code)],
  }),
  ClaimFinalized: (d: EventData<typeof ClaimFinalizedV1>, at: string): TimelineEntry => ({
    at,
    kind: 'claim',
    title: `Claim finalised for ${d.month}`,
    facts: fact('Codes', list(d.lines.map((line) => `${line.code} × ${line.units}`))),
  }),
  RiskFlagResolved: (d: EventData<typeof RiskFlagResolvedV1>): TimelineEntry => ({
    at: d.resolvedAt,
    kind: 'risk-flag',
    title: 'Risk flag resolved',
    facts: [...fact('Code', d.code), ...fact('Resolution', d.resolution), ...fact('By', d.resolvedBy)],
  }),
} as const;

export type TimelineDetailType = keyof typeof timelineEntries;
