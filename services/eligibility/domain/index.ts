export type { AcuteEventId } from './acute-diagnoses.data';
export {
  CHRONIC_CONDITION_PREFIXES,
  CONDITION_CATEGORIES,
  type ConditionCategory,
  type ConditionCategoryId,
} from './chronic-conditions.data';
export { acuteEventOf, conditionCategoriesOf, distinctConditionCategories } from './condition-index';
export {
  activeConsent,
  type ConsentEvent,
  ConsentInput,
  ConsentProgram,
  type ConsentRecord,
  type ConsentRecorded,
  type ConsentRevocationReason,
  type ConsentRevoked,
  recordConsent,
  requiresNewConsent,
  revokeConsent,
} from './consent';
export {
  ConsentAlreadyRevokedError,
  type ConsentDiscussionItem,
  ConsentIncompleteError,
  ConsentRevokedBeforeObtainedError,
} from './consent-errors';
export type { CoverageRequest, CoverageResult, CoverageUnverifiedReason, CoverageVerifier } from './coverage';
export { coverageFindings, effectivePlanType } from './coverage-gate';
export {
  type DeterminationContext,
  determine,
  type EligibilityDetermination,
  type ProgramResult,
  resultFor,
} from './determine';
export type { EligibilityStatus, Reason } from './findings';
export { InvalidDiagnosisCodeError, normalizeIcd10CmCode } from './icd10';
export { EligibilityPolicy, type EligibilityPolicyOverrides, resolvePolicy } from './policy';
export { Icd10CmCode, Npi, parseReferralFacts, ReferralFacts } from './referral-facts';
export { type CaseManagementResult, evaluateCaseManagement } from './rules/case-management';
export { type CcmResult, evaluateCcm } from './rules/ccm';
export { evaluatePcm, type PcmResult } from './rules/pcm';
export type { ProgramResultBase, RuleContext } from './rules/rule-context';
export { evaluateTcm, type TcmResult } from './rules/tcm';
