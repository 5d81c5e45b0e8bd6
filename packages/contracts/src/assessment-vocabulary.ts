import * as z from 'zod/mini';

/** Codes of the comprehensive assessment, shared by the care-planning API and the service that keeps it. */

/** How severe an impairment or strain is. */
export const AssessmentSeverity = z.enum(['none', 'mild', 'moderate', 'severe']);
export type AssessmentSeverity = z.infer<typeof AssessmentSeverity>;

/** Activities of daily living, as used in functional assessment. */
export const AdlActivity = z.enum([
  'bathing',
  'dressing',
  'eating',
  'toileting',
  'transferring',
  'continence',
]);
export type AdlActivity = z.infer<typeof AdlActivity>;

/** Instrumental activities of daily living. */
export const IadlActivity = z.enum([
  'medications',
  'finances',
  'transportation',
  'shopping',
  'cooking',
  'housework',
  'telephone',
]);
export type IadlActivity = z.infer<typeof IadlActivity>;

/** Where the patient lives, as the environmental section records it. */
export const HousingStatus = z.enum(['stable', 'unstable', 'homeless', 'facility']);
export type HousingStatus = z.infer<typeof HousingStatus>;

/** Who the caregiver is to the patient. */
export const CaregiverRelationship = z.enum(['spouse', 'child', 'other-family', 'friend', 'paid', 'other']);
export type CaregiverRelationship = z.infer<typeof CaregiverRelationship>;

/** How well the patient takes their medications. */
export const MedicationAdherence = z.enum(['good', 'partial', 'poor', 'unknown']);
export type MedicationAdherence = z.infer<typeof MedicationAdherence>;
