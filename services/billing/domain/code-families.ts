/**
 * The code-exclusion table the patient-month lock applies: which codes form one service family, and
 * which families one patient-month can be claimed for by a single billing organisation only.
 * Versioned with the years it is in effect and its sources; a new CMS rule year adds a version.
 */
export interface CodeExclusionTable {
  readonly version: string;
  readonly effectiveYears: readonly number[];
  readonly sources: readonly string[];
  readonly families: Readonly<Record<ServiceFamily, readonly string[]>>;
}

export type ServiceFamily = 'ccm' | 'pcm' | 'apcm' | 'tcm';

export const CODE_EXCLUSIONS: readonly CodeExclusionTable[] = [
  {
    version: '2025.1',
    effectiveYears: [2025, 2026],
    sources: [
      'CMS MLN909188 Chronic Care Management Services (2025): one practitioner bills CCM per patient per month',
      'CMS CY 2025 PFS final rule (CMS-1807-F), APCM G0556-G0558: one practice per beneficiary per month',
      'CMS MLN908628 Transitional Care Management Services: one TCM claim per beneficiary per 30-day period',
      'HHS OIG audits of Medicare CCM payments (2019, 2021): CCM paid twice for the same beneficiary-month',
    ],
    families: {
      ccm: ['99490', '99439', '99491', '99437', '99487', '99489'],
      pcm: ['99424', '99425', '99426', '99427'],
      apcm: ['G0556', 'G0557', 'G0558'],
      tcm: ['99495', '99496'],
    },
  },
];

/** The table in effect for a `YYYY-MM` month; the latest one for a year after every table. */
export const exclusionTableFor = (month: string): CodeExclusionTable => {
  const year = Number(month.slice(0, 4));
  const table = CODE_EXCLUSIONS.find((t) => t.effectiveYears.includes(year)) ?? CODE_EXCLUSIONS.at(-1);
  if (!table) throw new Error('no code-exclusion table');
  return table;
};

/** The family a code is locked under in `month`, if any. */
export const familyOf = (code: string, month: string): ServiceFamily | undefined => {
  const { families } = exclusionTableFor(month);
  return (Object.keys(families) as ServiceFamily[]).find((family) => families[family].includes(code));
};

/**
 * A decision with the lines of families another organisation holds for the patient-month taken
 * out; when none are left, the reason is `BILLED_ELSEWHERE`.
 */
export const withoutLockedFamilies = <
  D extends { lines: { code: string; units: number }[]; reasons: string[] },
>(
  decision: D,
  month: string,
  heldElsewhere: ReadonlySet<ServiceFamily>,
): D => {
  if (heldElsewhere.size === 0 || decision.lines.length === 0) return decision;
  const lines = decision.lines.filter((line) => {
    const family = familyOf(line.code, month);
    return !(family && heldElsewhere.has(family));
  });
  if (lines.length === decision.lines.length) return decision;
  return { ...decision, lines, reasons: lines.length > 0 ? [] : ['BILLED_ELSEWHERE'] };
};
