import type { CarePlanSection } from './plan-diff';
import type { Program } from './program';
import type { SecondaryService } from './roster';

/**
 * Fields every care-planning event carries. Events hold ids, codes and numbers only:
 * no patient ids and no free text, so they can cross service boundaries without PHI review.
 */
interface EventBase {
  tenantId: string;
  caseId: string;
  /** ISO instant. */
  occurredAt: string;
}

/** A case was opened for an eligible program. */
export interface CaseOpened extends EventBase {
  type: 'CaseOpened';
  practiceId: string;
  program: Program;
  primaryStaffId: string;
}

/** The patient started receiving care management under the case. */
export interface CaseActivated extends EventBase {
  type: 'CaseActivated';
}

/** The case ended. */
export interface CaseClosed extends EventBase {
  type: 'CaseClosed';
  reason: string;
}

/** One change to a case's care team. */
export type CareTeamChange =
  | { kind: 'primary-reassigned'; fromStaffId: string; toStaffId: string }
  | { kind: 'secondary-added'; staffId: string; service: SecondaryService }
  | { kind: 'secondary-removed'; staffId: string; service: SecondaryService };

/** The care team of a case changed. */
export interface CareTeamChanged extends EventBase {
  type: 'CareTeamChanged';
  change: CareTeamChange;
}

interface CarePlanEventBase extends EventBase {
  planId: string;
  program: Program;
  version: number;
  substantial: boolean;
  changedBy: string;
}

/** A complete care plan was established; always version 1 and substantial. */
export interface CarePlanEstablished extends CarePlanEventBase {
  type: 'CarePlanEstablished';
}

/** An established care plan was revised. `changedSections` are top-level element names only. */
export interface CarePlanRevised extends CarePlanEventBase {
  type: 'CarePlanRevised';
  changedSections: CarePlanSection[];
}

/** Events about the case and its team. */
export type CaseEvent = CaseOpened | CaseActivated | CaseClosed | CareTeamChanged;

/** Events about the care plan. */
export type CarePlanEvent = CarePlanEstablished | CarePlanRevised;
