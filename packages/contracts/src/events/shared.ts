import * as z from 'zod/mini';
import { interventionKinds, secondaryServices } from '../code-lists';

/** Referral lifecycle as partners see it. */
export const ReferralStatus = z.enum([
  'received',
  'screening',
  'eligible',
  'ineligible',
  'enrolled',
  'closed',
  'cancelled',
]);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** FHIR R4 Task.status values used by closed-loop referral guides. */
export const TaskStatus = z.enum([
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'cancelled',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const PlanType = z.enum(['medicare', 'medicare-advantage', 'medicaid', 'commercial', 'dual']);
export type PlanType = z.infer<typeof PlanType>;

export const ReferralReasonType = z.enum([
  'post-discharge',
  'chronic-care',
  'high-utilizer',
  'acute-event',
  'behavioral-health',
  'other',
]);
export type ReferralReasonType = z.infer<typeof ReferralReasonType>;

/** Facility a patient was discharged from. */
export const DischargeFacilityType = z.enum(['inpatient', 'observation', 'snf', 'partial-hospitalization']);
export type DischargeFacilityType = z.infer<typeof DischargeFacilityType>;

/** Where the patient went: TCM needs a community setting (home, assisted living, domiciliary). */
export const DischargeDestination = z.enum([
  'home',
  'assisted-living',
  'domiciliary',
  'skilled-nursing',
  'hospice',
  'other-facility',
]);
export type DischargeDestination = z.infer<typeof DischargeDestination>;

export const DeterminationStatus = z.enum(['eligible', 'ineligible', 'needs-information']);
export type DeterminationStatus = z.infer<typeof DeterminationStatus>;

export const SecondaryService = z.enum(secondaryServices);
export type SecondaryService = z.infer<typeof SecondaryService>;

/** Kinds of care-plan intervention; outreach turns each into tasks. */
export const InterventionKind = z.enum(interventionKinds);
export type InterventionKind = z.infer<typeof InterventionKind>;

export const CaseCloseReason = z.enum([
  'goals-met',
  'transferred',
  'declined',
  'deceased',
  'ineligible',
  'referral-cancelled',
]);
export type CaseCloseReason = z.infer<typeof CaseCloseReason>;

export const Performer = z.enum(['clinical-staff', 'physician']);
export type Performer = z.infer<typeof Performer>;

/** Machine reason code, e.g. `AUTHORIZATION_MISSING`. */
export const ReasonCode = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,63}$/));
