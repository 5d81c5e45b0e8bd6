import { dottedIcd10Cm } from '@carelink/contracts';

/** A claim lists at most 12 diagnoses (the 837P HI segment and the CMS-1500 form). */
const MAX_DIAGNOSES = 12;

/** One documented ICD-10-CM code and the chronic condition categories it qualifies for. */
export interface DocumentedDiagnosis {
  readonly code: string;
  readonly categories: readonly string[];
}

/**
 * The patient's documented diagnoses: the referral's codes (with the chronic categories eligibility
 * found for each), then the care plan's problem-list codes the referral did not have. A problem-list
 * code carries no category here: it never stands in for a qualifying condition, it only adds to the claim.
 */
export const documentedDiagnoses = (
  referral: readonly DocumentedDiagnosis[] | undefined,
  problemCodes: readonly string[] | undefined,
): DocumentedDiagnosis[] => {
  const dotted = (code: string) => dottedIcd10Cm(code) ?? code;
  const documented = (referral ?? []).map((d) => ({ code: dotted(d.code), categories: d.categories }));
  const known = new Set(documented.map((d) => d.code));
  for (const code of (problemCodes ?? []).map(dotted)) {
    if (known.has(code)) continue;
    known.add(code);
    documented.push({ code, categories: [] });
  }
  return documented;
};

/**
 * The diagnosis codes of a claim: the patient's own documented codes, exactly as documented. The
 * codes of the qualifying chronic conditions come first (in the order of the categories that made
 * the patient eligible), then the others, at most 12. When a qualifying category has no documented
 * code the claim gets none at all: a category is never turned into a placeholder code, and the run
 * holds the month with `NO_DIAGNOSIS_CODES` instead.
 */
export const claimDiagnosisCodes = (
  qualifyingCategories: readonly string[],
  documented: readonly DocumentedDiagnosis[] | undefined,
): string[] => {
  if (!documented || documented.length === 0) return [];
  const qualifying: string[] = [];
  for (const category of qualifyingCategories) {
    const codes = documented.filter((d) => d.categories.includes(category)).map((d) => d.code);
    if (codes.length === 0) return [];
    qualifying.push(...codes);
  }
  const others = documented.map((d) => d.code);
  return [...new Set([...qualifying, ...others])].slice(0, MAX_DIAGNOSES);
};
