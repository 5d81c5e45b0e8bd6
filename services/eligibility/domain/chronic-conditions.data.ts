/**
 * Chronic condition categories and the ICD-10-CM code prefixes that map to them.
 *
 * Source: CMS Chronic Conditions Data Warehouse (CCW), Condition Categories, chronic conditions
 * algorithms (ICD-10-CM diagnosis codes), https://www2.ccwdata.org/web/guest/condition-categories,
 * reference year 2024. This is a curated subset of code prefixes from the CCW chronic conditions
 * algorithm, not a copy of it: the CCW algorithms also rely on claim counts, claim types and
 * look-back periods that do not apply to a referral screen. Review against the published
 * algorithm (and its change history) when the reference year changes.
 *
 * Rows map a prefix to every category the code implies: combination codes such as I13.0
 * (hypertensive heart and chronic kidney disease with heart failure) count towards three
 * categories. Lookup uses the longest matching prefix, so a more specific row overrides a broader
 * one, and a row with no categories excludes codes the CCW leaves out (G45.4).
 */

/** Identifiers of the supported condition categories. */
export type ConditionCategoryId =
  | 'diabetes'
  | 'hypertension'
  | 'heart-failure'
  | 'copd'
  | 'asthma'
  | 'chronic-kidney-disease'
  | 'ischemic-heart-disease'
  | 'atrial-fibrillation'
  | 'hyperlipidemia'
  | 'depression'
  | 'anxiety'
  | 'dementia'
  | 'rheumatoid-arthritis-osteoarthritis'
  | 'osteoporosis'
  | 'cancer-breast'
  | 'cancer-colorectal'
  | 'cancer-lung'
  | 'cancer-prostate'
  | 'stroke-tia';

/** Clinical metadata of one category. */
export interface ConditionCategory {
  readonly id: ConditionCategoryId;
  /** CCW condition name the category follows. */
  readonly ccwName: string;
  /**
   * Whether a single condition of this category usually needs disease-specific care-plan work
   * (frequent medication changes, exacerbation risk) and so can support Principal Care Management.
   */
  readonly pcmComplex: boolean;
  /** Expected duration in months; CCM counts categories expected to last at least 12 months. */
  readonly expectedDurationMonths: number;
}

const CHRONIC = 12;

/** Category metadata keyed by id. */
export const CONDITION_CATEGORIES: Readonly<Record<ConditionCategoryId, ConditionCategory>> = {
  diabetes: { id: 'diabetes', ccwName: 'Diabetes', pcmComplex: true, expectedDurationMonths: CHRONIC },
  hypertension: {
    id: 'hypertension',
    ccwName: 'Hypertension',
    pcmComplex: false,
    expectedDurationMonths: CHRONIC,
  },
  'heart-failure': {
    id: 'heart-failure',
    ccwName: 'Heart Failure and Non-Ischemic Heart Disease',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  copd: {
    id: 'copd',
    ccwName: 'Chronic Obstructive Pulmonary Disease and Bronchiectasis',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  asthma: { id: 'asthma', ccwName: 'Asthma', pcmComplex: true, expectedDurationMonths: CHRONIC },
  'chronic-kidney-disease': {
    id: 'chronic-kidney-disease',
    ccwName: 'Chronic Kidney Disease',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'ischemic-heart-disease': {
    id: 'ischemic-heart-disease',
    ccwName: 'Ischemic Heart Disease',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'atrial-fibrillation': {
    id: 'atrial-fibrillation',
    ccwName: 'Atrial Fibrillation and Flutter',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  hyperlipidemia: {
    id: 'hyperlipidemia',
    ccwName: 'Hyperlipidemia',
    pcmComplex: false,
    expectedDurationMonths: CHRONIC,
  },
  depression: {
    id: 'depression',
    ccwName: 'Depression, Bipolar, or Other Depressive Mood Disorders',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  anxiety: {
    id: 'anxiety',
    ccwName: 'Anxiety Disorders',
    pcmComplex: false,
    expectedDurationMonths: CHRONIC,
  },
  dementia: {
    id: 'dementia',
    ccwName: "Alzheimer's Disease and Related Disorders or Senile Dementia",
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  // Combined in the CCW, so rheumatoid arthritis plus osteoarthritis counts once. Not complex by
  // default because osteoarthritis alone rarely needs disease-specific care-plan revisions.
  'rheumatoid-arthritis-osteoarthritis': {
    id: 'rheumatoid-arthritis-osteoarthritis',
    ccwName: 'Rheumatoid Arthritis/Osteoarthritis',
    pcmComplex: false,
    expectedDurationMonths: CHRONIC,
  },
  osteoporosis: {
    id: 'osteoporosis',
    ccwName: 'Osteoporosis',
    pcmComplex: false,
    expectedDurationMonths: CHRONIC,
  },
  'cancer-breast': {
    id: 'cancer-breast',
    ccwName: 'Breast Cancer',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'cancer-colorectal': {
    id: 'cancer-colorectal',
    ccwName: 'Colorectal Cancer',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'cancer-lung': {
    id: 'cancer-lung',
    ccwName: 'Lung Cancer',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'cancer-prostate': {
    id: 'cancer-prostate',
    ccwName: 'Prostate Cancer',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
  'stroke-tia': {
    id: 'stroke-tia',
    ccwName: 'Stroke/Transient Ischemic Attack',
    pcmComplex: true,
    expectedDurationMonths: CHRONIC,
  },
};

type Row = readonly [prefix: string, categories: readonly ConditionCategoryId[]];

const DIABETES_CKD: readonly ConditionCategoryId[] = ['diabetes', 'chronic-kidney-disease'];
const HTN_CKD: readonly ConditionCategoryId[] = ['hypertension', 'chronic-kidney-disease'];
const HTN_HF_CKD: readonly ConditionCategoryId[] = [
  'hypertension',
  'heart-failure',
  'chronic-kidney-disease',
];

/** ICD-10-CM prefix rows, dot-free. Order is for readers only; lookup is by longest prefix. */
export const CHRONIC_CONDITION_PREFIXES: readonly Row[] = [
  // Diabetes mellitus (E12 does not exist in ICD-10-CM); xx.22 is diabetic chronic kidney disease.
  ['E08', ['diabetes']],
  ['E0822', DIABETES_CKD],
  ['E09', ['diabetes']],
  ['E0922', DIABETES_CKD],
  ['E10', ['diabetes']],
  ['E1022', DIABETES_CKD],
  ['E11', ['diabetes']],
  ['E1122', DIABETES_CKD],
  ['E13', ['diabetes']],
  ['E1322', DIABETES_CKD],
  // Hypertensive diseases, with their heart failure and kidney combination codes.
  ['I10', ['hypertension']],
  ['I11', ['hypertension']],
  ['I110', ['hypertension', 'heart-failure']],
  ['I12', HTN_CKD],
  ['I13', HTN_CKD],
  ['I130', HTN_HF_CKD],
  ['I132', HTN_HF_CKD],
  ['I15', ['hypertension']],
  ['I16', ['hypertension']],
  // Heart failure and cardiomyopathy.
  ['I0981', ['heart-failure']],
  ['I42', ['heart-failure']],
  ['I43', ['heart-failure']],
  ['I50', ['heart-failure']],
  // COPD and bronchiectasis; asthma.
  ['J40', ['copd']],
  ['J41', ['copd']],
  ['J42', ['copd']],
  ['J43', ['copd']],
  ['J44', ['copd']],
  ['J47', ['copd']],
  ['J45', ['asthma']],
  // Chronic kidney disease.
  ['N18', ['chronic-kidney-disease']],
  // Ischemic heart disease.
  ['I20', ['ischemic-heart-disease']],
  ['I21', ['ischemic-heart-disease']],
  ['I22', ['ischemic-heart-disease']],
  ['I23', ['ischemic-heart-disease']],
  ['I24', ['ischemic-heart-disease']],
  ['I25', ['ischemic-heart-disease']],
  // Atrial fibrillation and flutter.
  ['I48', ['atrial-fibrillation']],
  // Hyperlipidemia: E78.0-E78.5 only; other lipid disorders (E78.6+) are not included.
  ['E780', ['hyperlipidemia']],
  ['E781', ['hyperlipidemia']],
  ['E782', ['hyperlipidemia']],
  ['E783', ['hyperlipidemia']],
  ['E784', ['hyperlipidemia']],
  ['E785', ['hyperlipidemia']],
  // Depressive disorders.
  ['F32', ['depression']],
  ['F33', ['depression']],
  ['F341', ['depression']],
  // Anxiety disorders, including acute stress and post-traumatic stress disorder.
  ['F40', ['anxiety']],
  ['F41', ['anxiety']],
  ['F430', ['anxiety']],
  ['F431', ['anxiety']],
  // Alzheimer's disease and related dementias.
  ['F01', ['dementia']],
  ['F02', ['dementia']],
  ['F03', ['dementia']],
  ['G30', ['dementia']],
  ['G310', ['dementia']],
  ['G311', ['dementia']],
  ['G3183', ['dementia']],
  // Rheumatoid arthritis and osteoarthritis.
  ['M05', ['rheumatoid-arthritis-osteoarthritis']],
  ['M06', ['rheumatoid-arthritis-osteoarthritis']],
  ['M15', ['rheumatoid-arthritis-osteoarthritis']],
  ['M16', ['rheumatoid-arthritis-osteoarthritis']],
  ['M17', ['rheumatoid-arthritis-osteoarthritis']],
  ['M18', ['rheumatoid-arthritis-osteoarthritis']],
  ['M19', ['rheumatoid-arthritis-osteoarthritis']],
  // Osteoporosis, with and without current pathological fracture.
  ['M80', ['osteoporosis']],
  ['M81', ['osteoporosis']],
  // Cancers: malignant neoplasm and carcinoma in situ of the same site.
  ['C50', ['cancer-breast']],
  ['D05', ['cancer-breast']],
  ['C18', ['cancer-colorectal']],
  ['C19', ['cancer-colorectal']],
  ['C20', ['cancer-colorectal']],
  ['D010', ['cancer-colorectal']],
  ['D011', ['cancer-colorectal']],
  ['D012', ['cancer-colorectal']],
  ['C33', ['cancer-lung']],
  ['C34', ['cancer-lung']],
  ['D022', ['cancer-lung']],
  ['C61', ['cancer-prostate']],
  ['D075', ['cancer-prostate']],
  // Stroke and transient ischemic attack; transient global amnesia (G45.4) is excluded.
  ['I60', ['stroke-tia']],
  ['I61', ['stroke-tia']],
  ['I63', ['stroke-tia']],
  ['G45', ['stroke-tia']],
  ['G454', []],
  ['G46', ['stroke-tia']],
];
