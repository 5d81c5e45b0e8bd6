import * as z from 'zod';

export const StageName = z.enum(['dev', 'prod']);
export type StageName = z.infer<typeof StageName>;

/** CloudWatch Logs accepts only these retention periods (days). */
const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const Throttle = z.object({
  rateLimit: z.number().positive(),
  burstLimit: z.number().int().positive(),
});

const Concurrency = z.object({
  api: z.number().int().min(2),
  consumer: z.number().int().min(2),
  scheduled: z.number().int().min(1),
  relay: z.number().int().min(1),
});

/**
 * Everything that differs between stages. The account is optional: without it the app synthesizes
 * account-agnostic templates (offline), and deploy uses the caller's credentials.
 */
export const StageConfig = z.object({
  name: StageName,
  account: z
    .string()
    .regex(/^\d{12}$/, 'an AWS account id is 12 digits')
    .optional(),
  /**
   * Pinned per stage (tables with a customer-managed key need a concrete region at synth); override
   * with `-c region=...`. Deliberately not taken from the caller's profile.
   */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'),
  /** Keep tables, keys, user pool and log groups when a stack is deleted, and block table deletion. */
  retainData: z.boolean(),
  logRetentionDays: z
    .number()
    .int()
    .refine(
      (days) => (logRetentionDays as readonly number[]).includes(days),
      'not a CloudWatch Logs retention',
    ),
  archiveRetentionDays: z.number().int().min(1),
  backup: z.object({
    dailyRetentionDays: z.number().int().min(1),
    monthlyRetentionDays: z.number().int().min(1),
  }),
  /** Stage-wide default throttling of the REST API. */
  apiThrottle: Throttle,
  /** Reserved concurrency per function kind: caps blast radius and protects DynamoDB and partners. */
  reservedConcurrency: Concurrency,
  /** Requests per 5 minutes from one IP before the WAF blocks it. */
  wafRateLimitPer5Minutes: z.number().int().min(100),
  /** Prefix of the Cognito hosted domain that serves the OAuth token endpoint. */
  authDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
  /** Where the care-team console receives the authorization code after sign-in, and returns after sign-out. */
  consoleUrls: z.array(z.url().startsWith('https://')).min(1),
});
export type StageConfig = z.infer<typeof StageConfig>;

type StageDefaults = Omit<z.input<typeof StageConfig>, 'account'>;

const stageDefaults: Record<StageName, StageDefaults> = {
  dev: {
    name: 'dev',
    region: 'us-east-1',
    retainData: false,
    logRetentionDays: 365,
    archiveRetentionDays: 30,
    backup: { dailyRetentionDays: 7, monthlyRetentionDays: 30 },
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    reservedConcurrency: { api: 5, consumer: 2, scheduled: 1, relay: 2 },
    wafRateLimitPer5Minutes: 1000,
    authDomainPrefix: 'carelink-dev',
    consoleUrls: ['https://console.dev.carelink.example/'],
  },
  prod: {
    name: 'prod',
    region: 'us-east-1',
    retainData: true,
    logRetentionDays: 2192,
    archiveRetentionDays: 365,
    backup: { dailyRetentionDays: 35, monthlyRetentionDays: 2192 },
    apiThrottle: { rateLimit: 200, burstLimit: 400 },
    reservedConcurrency: { api: 50, consumer: 10, scheduled: 2, relay: 5 },
    wafRateLimitPer5Minutes: 2000,
    authDomainPrefix: 'carelink-prod',
    consoleUrls: ['https://console.carelink.example/'],
  },
};

/**
 * The validated configuration of a stage. The account comes from the caller (context or
 * `CDK_DEFAULT_ACCOUNT`), so none is committed, and may be absent; a region given here overrides the
 * stage's pinned region.
 */
export function loadStage(
  name: unknown,
  environment: { account?: string | undefined; region?: string | undefined } = {},
): StageConfig {
  const stage = StageName.safeParse(name ?? 'dev');
  if (!stage.success)
    throw new Error(`unknown stage ${JSON.stringify(name)}: use one of ${StageName.options.join(', ')}`);
  const parsed = StageConfig.safeParse({
    ...stageDefaults[stage.data],
    ...(environment.account ? { account: environment.account } : {}),
    ...(environment.region ? { region: environment.region } : {}),
  });
  if (!parsed.success)
    throw new Error(`invalid ${stage.data} stage configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
