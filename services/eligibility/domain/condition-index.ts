import { ACUTE_DIAGNOSIS_PREFIXES, type AcuteEventId } from './acute-diagnoses.data';
import {
  CHRONIC_CONDITION_PREFIXES,
  CONDITION_CATEGORIES,
  type ConditionCategory,
  type ConditionCategoryId,
} from './chronic-conditions.data';
import { normalizeIcd10CmCode } from './icd10';
import { buildPrefixIndex } from './prefix-index';

// Built once per cold start; lookups are then at most seven map probes per code.
const chronicIndex = buildPrefixIndex(CHRONIC_CONDITION_PREFIXES);
const acuteIndex = buildPrefixIndex(ACUTE_DIAGNOSIS_PREFIXES);

/**
 * Chronic condition categories implied by one ICD-10-CM code (`E11.9`, `e119` and `E119` are the
 * same). Empty when the code is valid but not chronic; throws `InvalidDiagnosisCodeError` when the
 * code is not shaped like ICD-10-CM, so typos are never mistaken for "no condition".
 */
export function conditionCategoriesOf(code: string): readonly ConditionCategory[] {
  const categories = chronicIndex.match(normalizeIcd10CmCode(code)) ?? [];
  return categories.map((id) => CONDITION_CATEGORIES[id]);
}

/** The distinct categories across many codes, in first-seen order: two diabetes codes count once. */
export function distinctConditionCategories(codes: Iterable<string>): readonly ConditionCategory[] {
  const seen = new Map<ConditionCategoryId, ConditionCategory>();
  for (const code of codes) {
    for (const category of conditionCategoriesOf(code)) seen.set(category.id, category);
  }
  return [...seen.values()];
}

/** The acute event a code documents (stroke, myocardial infarction, hip fracture), if any. */
export function acuteEventOf(code: string): AcuteEventId | undefined {
  return acuteIndex.match(normalizeIcd10CmCode(code));
}
