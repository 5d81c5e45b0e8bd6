/**
 * The tenant directory: which health-plan partners Carelink serves and the practices that care for
 * their members. It is configuration shipped with the code (reviewed like code, deployed with the
 * functions), not data a request can change; tenant and practice ids in keys come from tokens and
 * are checked against it.
 */
export interface Practice {
  practiceId: string;
  tenantId: string;
  name: string;
  /** The practice's time zone: billing months and schedules are counted in it. */
  timeZone: string;
  /** The billing practitioner's NPI for CCM/PCM claims. */
  billingPractitionerNpi: string;
  /** Number patients call back; shown in reminders (never a patient's own number). */
  callbackNumber: string;
}

export interface Tenant {
  tenantId: string;
  name: string;
  /** Practice that receives this partner's referrals. */
  defaultPracticeId: string;
}

export const practices: readonly Practice[] = [
  {
    practiceId: 'practice-boston',
    tenantId: 'acme-health',
    name: 'Back Bay Primary Care',
    timeZone: 'America/New_York',
    billingPractitionerNpi: '1234567893',
    callbackNumber: '+16175550100',
  },
  {
    practiceId: 'practice-denver',
    tenantId: 'bluepeak-health',
    name: 'Front Range Family Medicine',
    timeZone: 'America/Denver',
    billingPractitionerNpi: '1245319599',
    callbackNumber: '+13035550100',
  },
];

export const tenants: readonly Tenant[] = [
  { tenantId: 'acme-health', name: 'Acme Health Plan', defaultPracticeId: 'practice-boston' },
  { tenantId: 'bluepeak-health', name: 'BluePeak Health', defaultPracticeId: 'practice-denver' },
];

/** The practice, or undefined when it does not exist or belongs to another tenant. */
export function practiceOf(tenantId: string, practiceId: string): Practice | undefined {
  return practices.find((p) => p.practiceId === practiceId && p.tenantId === tenantId);
}

/** The practice a tenant's referrals go to. */
export function defaultPracticeOf(tenantId: string): Practice | undefined {
  const tenant = tenants.find((t) => t.tenantId === tenantId);
  return tenant ? practiceOf(tenantId, tenant.defaultPracticeId) : undefined;
}
