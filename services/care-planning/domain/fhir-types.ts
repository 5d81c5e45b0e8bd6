/**
 * The slice of FHIR R4 the care plan export uses. Kept minimal and local: the domain only
 * produces these shapes, and the structural validator checks them without a FHIR library.
 */

/** FHIR Reference. */
export interface FhirReference {
  reference?: string;
  display?: string;
}

/** FHIR Coding. */
export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}

/** FHIR CodeableConcept. */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/** FHIR Period; `start` and `end` are dateTime strings. */
export interface FhirPeriod {
  start?: string;
  end?: string;
}

/** FHIR Quantity. */
export interface FhirQuantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
}

/** FHIR Timing, repeat part only. */
export interface FhirTiming {
  repeat?: { frequency?: number; period?: number; periodUnit?: 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a' };
}

/** FHIR Meta. */
export interface FhirMeta {
  versionId?: string;
  lastUpdated?: string;
}

/** FHIR Annotation, text only. */
export interface FhirAnnotation {
  text: string;
}

/** FHIR R4 Goal. */
export interface FhirGoal {
  resourceType: 'Goal';
  id?: string;
  lifecycleStatus: string;
  description: FhirCodeableConcept;
  subject: FhirReference;
  target?: { measure?: FhirCodeableConcept; detailQuantity?: FhirQuantity; dueDate?: string }[];
  addresses?: FhirReference[];
}

/** FHIR R4 Condition. */
export interface FhirCondition {
  resourceType: 'Condition';
  id?: string;
  clinicalStatus?: FhirCodeableConcept;
  verificationStatus?: FhirCodeableConcept;
  category?: FhirCodeableConcept[];
  code?: FhirCodeableConcept;
  subject: FhirReference;
}

/** FHIR R4 CareTeam. */
export interface FhirCareTeam {
  resourceType: 'CareTeam';
  id?: string;
  status?: string;
  subject?: FhirReference;
  participant?: { role?: FhirCodeableConcept[]; member?: FhirReference; period?: FhirPeriod }[];
}

/** Resources the export contains. */
export type FhirContained = FhirGoal | FhirCondition | FhirCareTeam;

/** FHIR R4 CarePlan activity detail. */
export interface FhirCarePlanActivityDetail {
  kind?: string;
  code?: FhirCodeableConcept;
  goal?: FhirReference[];
  status: string;
  scheduledTiming?: FhirTiming;
  scheduledPeriod?: FhirPeriod;
  performer?: FhirReference[];
  description?: string;
}

/** FHIR R4 CarePlan. */
export interface FhirCarePlan {
  resourceType: 'CarePlan';
  id?: string;
  meta?: FhirMeta;
  contained?: FhirContained[];
  status: string;
  intent: string;
  category?: FhirCodeableConcept[];
  title?: string;
  subject: FhirReference;
  period?: FhirPeriod;
  created?: string;
  careTeam?: FhirReference[];
  addresses?: FhirReference[];
  goal?: FhirReference[];
  activity?: { detail?: FhirCarePlanActivityDetail; reference?: FhirReference }[];
  note?: FhirAnnotation[];
}
