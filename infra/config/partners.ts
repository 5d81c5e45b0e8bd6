import { type Scope, scopes } from '@carelink/contracts';
import * as z from 'zod';

/** Scopes a partner may hold: referral intake and its own webhook subscriptions, nothing clinical. */
export const partnerScopes = [scopes.referralsRead, scopes.referralsWrite, scopes.webhooksManage] as const;

const PartnerScope = z.enum(partnerScopes);

export const Partner = z.object({
  /** Becomes the tenant of every record the partner creates; lower-case slug. */
  tenantId: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/),
  displayName: z.string().min(1).max(100),
  scopes: z.array(PartnerScope).min(1),
  throttle: z.object({
    /** Steady-state requests per second. */
    rateLimit: z.number().positive(),
    burstLimit: z.number().int().positive(),
  }),
  quota: z.object({
    limit: z.number().int().positive(),
    period: z.enum(['DAY', 'WEEK', 'MONTH']),
  }),
});
export type Partner = z.infer<typeof Partner>;

/**
 * Referring partners. Each gets an OAuth client (client credentials; Cognito generates the secret,
 * which is handed over out of band and never stored here), an API key and a usage plan.
 */
export const partners: readonly Partner[] = z
  .array(Partner)
  .refine((list) => new Set(list.map((p) => p.tenantId)).size === list.length, 'tenant ids must be unique')
  .parse([
    {
      tenantId: 'northwind-health',
      displayName: 'Northwind Health Network',
      scopes: [scopes.referralsRead, scopes.referralsWrite, scopes.webhooksManage],
      throttle: { rateLimit: 20, burstLimit: 40 },
      quota: { limit: 50_000, period: 'DAY' },
    },
    {
      tenantId: 'lakeside-clinics',
      displayName: 'Lakeside Community Clinics',
      scopes: [scopes.referralsRead, scopes.referralsWrite],
      throttle: { rateLimit: 5, burstLimit: 10 },
      quota: { limit: 5_000, period: 'DAY' },
    },
  ]);

/** Every scope any partner holds (so the resource server always defines what a client is granted). */
export function scopesHeldByPartners(list: readonly Partner[]): Scope[] {
  return [...new Set(list.flatMap((p) => p.scopes))].sort();
}
