import {
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  ClaimSubscriberChangedV1,
  ConsentRecordedV1,
  ConsentRevokedV1,
  ContactCompletedV1,
  EligibilityDeterminedV1,
  TimeLoggedV1,
} from '@carelink/contracts';

/** The events that keep the ledger, the patient facts and the claim subscribers current. */
export const ledgerEvents = [
  TimeLoggedV1,
  ConsentRecordedV1,
  ConsentRevokedV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  EligibilityDeterminedV1,
  ContactCompletedV1,
  ClaimSubscriberChangedV1,
] as const;
