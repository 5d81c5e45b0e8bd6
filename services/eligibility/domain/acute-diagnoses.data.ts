/**
 * ICD-10-CM prefixes of acute events that on their own justify case management outreach: they
 * carry a high risk of readmission and functional decline in the weeks that follow.
 */

/** Identifiers of acute event groups. */
export type AcuteEventId = 'stroke' | 'myocardial-infarction' | 'hip-fracture';

/** Dot-free ICD-10-CM prefix rows; lookup is by longest prefix. */
export const ACUTE_DIAGNOSIS_PREFIXES: readonly (readonly [prefix: string, event: AcuteEventId])[] = [
  // Nontraumatic hemorrhage and cerebral infarction.
  ['I60', 'stroke'],
  ['I61', 'stroke'],
  ['I63', 'stroke'],
  // Acute and subsequent myocardial infarction.
  ['I21', 'myocardial-infarction'],
  ['I22', 'myocardial-infarction'],
  // Femoral neck, pertrochanteric and subtrochanteric fractures.
  ['S720', 'hip-fracture'],
  ['S721', 'hip-fracture'],
  ['S722', 'hip-fracture'],
];
