/**
 * The ICD-10-CM code put on a claim for each chronic condition category that eligibility reports.
 * Eligibility publishes categories (CMS Chronic Conditions Warehouse groupings), not the member's own
 * codes, so the claim carries the category's unspecified code. Coders replace them with the chart's
 * specific codes before submission when the practice requires it.
 */
export const CATEGORY_DIAGNOSIS_CODES: Readonly<Record<string, string>> = {
  diabetes: 'E11.9',
  hypertension: 'I10',
  'heart-failure': 'I50.9',
  copd: 'J44.9',
  asthma: 'J45.909',
  'chronic-kidney-disease': 'N18.9',
  'ischemic-heart-disease': 'I25.10',
  'atrial-fibrillation': 'I48.91',
  hyperlipidemia: 'E78.5',
  depression: 'F32.A',
  anxiety: 'F41.9',
  dementia: 'F03.90',
  'rheumatoid-arthritis-osteoarthritis': 'M19.90',
  osteoporosis: 'M81.0',
  'cancer-breast': 'C50.919',
  'cancer-colorectal': 'C18.9',
  'cancer-lung': 'C34.90',
  'cancer-prostate': 'C61',
  'stroke-tia': 'I69.30',
};

/** A claim lists at most 12 diagnoses. */
const MAX_DIAGNOSES = 12;

/** Diagnosis codes for the categories, in category order, unknown categories left out. */
export const diagnosisCodesFor = (categories: readonly string[]): string[] => {
  const codes = categories.flatMap((category) => {
    const code = CATEGORY_DIAGNOSIS_CODES[category];
    return code ? [code] : [];
  });
  return [...new Set(codes)].slice(0, MAX_DIAGNOSES);
};
