import type { EventContract } from './event-contract';
import { AccessRecordedV1 } from './events/access-recorded.v1';
import { AgreementChangedV1 } from './events/agreement-changed.v1';
import { AssessmentCompletedV1 } from './events/assessment-completed.v1';
import { AssessmentOverdueV1 } from './events/assessment-overdue.v1';
import { BillingRunCompletedV1 } from './events/billing-run-completed.v1';
import { BillingRunRequestedV1 } from './events/billing-run-requested.v1';
import { CarePlanEstablishedV1 } from './events/care-plan-established.v1';
import { CarePlanRevisedV1 } from './events/care-plan-revised.v1';
import { CareTeamChangedV1 } from './events/care-team-changed.v1';
import { CaseClosedV1 } from './events/case-closed.v1';
import { CaseOpenedV1 } from './events/case-opened.v1';
import { CaseTaskChangedV1 } from './events/case-task-changed.v1';
import { ClaimFinalizedV1 } from './events/claim-finalized.v1';
import { ClaimSubscriberChangedV1 } from './events/claim-subscriber-changed.v1';
import { CommunityReferralStatusChangedV1 } from './events/community-referral-status-changed.v1';
import { ConsentRecordedV1 } from './events/consent-recorded.v1';
import { ConsentRevokedV1 } from './events/consent-revoked.v1';
import { ContactCompletedV1 } from './events/contact-completed.v1';
import { EligibilityDeterminedV1 } from './events/eligibility-determined.v1';
import { PartnerChangedV1 } from './events/partner-changed.v1';
import { PatientIdentifiedV1 } from './events/patient-identified.v1';
import { PracticeChangedV1 } from './events/practice-changed.v1';
import { ReferralCancelledV1 } from './events/referral-cancelled.v1';
import { ReferralReceivedV1 } from './events/referral-received.v1';
import { ReferralStatusChangedV1 } from './events/referral-status-changed.v1';
import { ReferralUpdatedV1 } from './events/referral-updated.v1';
import { RiskFlagResolvedV1 } from './events/risk-flag-resolved.v1';
import { RiskFlaggedV1 } from './events/risk-flagged.v1';
import { ScreeningScoredV1 } from './events/screening-scored.v1';
import { StaffMemberChangedV1 } from './events/staff-member-changed.v1';
import { TimeLoggedV1 } from './events/time-logged.v1';
import { VitalRecordedV1 } from './events/vital-recorded.v1';

/** Every event Carelink publishes, at every supported version. */
export const eventCatalog = [
  PracticeChangedV1,
  PartnerChangedV1,
  AgreementChangedV1,
  StaffMemberChangedV1,
  ReferralReceivedV1,
  ReferralCancelledV1,
  ReferralStatusChangedV1,
  ReferralUpdatedV1,
  ClaimSubscriberChangedV1,
  PatientIdentifiedV1,
  EligibilityDeterminedV1,
  ConsentRecordedV1,
  ConsentRevokedV1,
  CaseOpenedV1,
  CaseClosedV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CareTeamChangedV1,
  AssessmentOverdueV1,
  AssessmentCompletedV1,
  CaseTaskChangedV1,
  ContactCompletedV1,
  TimeLoggedV1,
  ScreeningScoredV1,
  VitalRecordedV1,
  RiskFlaggedV1,
  RiskFlagResolvedV1,
  CommunityReferralStatusChangedV1,
  BillingRunRequestedV1,
  BillingRunCompletedV1,
  ClaimFinalizedV1,
  AccessRecordedV1,
] as const satisfies readonly EventContract[];

/** The file-name stem of an event's JSON Schema, e.g. `carelink.intake.ReferralReceived.v1`. */
export function eventSchemaName(contract: EventContract): string {
  return `${contract.source}.${contract.detailType}.v${contract.version}`;
}
