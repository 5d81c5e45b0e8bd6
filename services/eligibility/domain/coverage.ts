import type { PlanType } from '@carelink/contracts';

/** What a coverage check asks: is this member covered by this payer on this date. */
export interface CoverageRequest {
  readonly tenantId: string;
  readonly payerId: string;
  readonly planType: PlanType;
  /** Opaque member reference; the verifier resolves it to the payer's member id. */
  readonly memberRef: string;
  /** Date of service to check, `YYYY-MM-DD`. */
  readonly onDate: string;
}

/** Why coverage could not be confirmed either way. */
export type CoverageUnverifiedReason = 'payer-no-answer' | 'timeout' | 'circuit-open' | 'verifier-error';

/** The answer of a coverage check. */
export interface CoverageResult {
  /** `unknown` means "not confirmed": rules must ask for information, never assume. */
  readonly status: 'active' | 'inactive' | 'unknown';
  /** Plan type the payer reports; echoes the requested plan type when the payer does not say. */
  readonly planType: PlanType;
  /** ISO instant of the check. */
  readonly checkedAt: string;
  /** Which verifier answered, e.g. `local` or `x12-271:<payerId>`. */
  readonly source: string;
  readonly unverifiedReason?: CoverageUnverifiedReason;
}

/**
 * Port for real-time coverage checks. Designed to map onto an X12 270/271 (005010X279A1)
 * eligibility inquiry:
 * - 270 request: `payerId` -> information source (Loop 2100A, NM1*PR, NM109); `tenantId` selects
 *   the information receiver/provider NPI (Loop 2100B); `memberRef` resolves to the subscriber
 *   member id (Loop 2100C, NM1*IL, NM109); `onDate` -> DTP*291 (plan date); service type EQ*30
 *   (health benefit plan coverage).
 * - 271 response: EB01 `1` (active coverage) -> `active`, EB01 `6` (inactive) -> `inactive`;
 *   AAA rejections (subscriber not found, payer unable to respond) -> `unknown` with
 *   `payer-no-answer`; EB04 insurance type (MA/MB Medicare Part A/B, HN/HM Medicare risk plans,
 *   MC Medicaid, others commercial) -> `planType`; `checkedAt` from BHT date/time or receipt.
 * Implementations return `unknown` rather than throw for payer-side answers; transport failures
 * may throw and are turned into `unknown` by the circuit breaker wrapper.
 */
export interface CoverageVerifier {
  verify(request: CoverageRequest): Promise<CoverageResult>;
}
