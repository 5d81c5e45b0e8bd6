/** A machine-readable reason code with plain text for staff; texts never contain patient data. */
export interface Reason {
  readonly code: string;
  readonly text: string;
}

/** Outcome of one program's rule. */
export type EligibilityStatus = 'eligible' | 'ineligible' | 'needs-information';

/** How a finding affects the outcome: `note` explains without changing it. */
export type FindingEffect = 'ineligible' | 'needs-information' | 'note';

/** A reason together with its effect on the status. */
export interface Finding extends Reason {
  readonly effect: FindingEffect;
}

/** Builds a finding. */
export function finding(effect: FindingEffect, code: string, text: string): Finding {
  return { effect, code, text };
}

/**
 * A definite "no" wins over missing information, because more information cannot turn it into
 * a "yes"; missing information wins over "eligible", because eligibility is never guessed.
 */
export function outcomeOf(findings: readonly Finding[]): {
  status: EligibilityStatus;
  reasons: Reason[];
  blockingReasons: string[];
} {
  const status: EligibilityStatus = findings.some((f) => f.effect === 'ineligible')
    ? 'ineligible'
    : findings.some((f) => f.effect === 'needs-information')
      ? 'needs-information'
      : 'eligible';
  const decisive = status === 'ineligible' ? 'ineligible' : 'needs-information';
  return {
    status,
    reasons: findings.map(({ code, text }) => ({ code, text })),
    blockingReasons:
      status === 'eligible' ? [] : findings.filter((f) => f.effect === decisive).map((f) => f.code),
  };
}
