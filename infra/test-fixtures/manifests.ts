import {
  CaseOpenedV1,
  defineManifest,
  defineRoute,
  ReferralCancelledV1,
  ReferralReceivedV1,
  type ServiceManifest,
  scopes,
  standardTable,
} from '@carelink/contracts';
import * as z from 'zod/mini';

/** Folder of the fixture handlers (`handlers/echo.ts`). */
const dir = import.meta.dirname;

const createReferral = defineRoute({
  operationId: 'createReferral',
  method: 'POST',
  path: '/v1/referrals',
  summary: 'Submit a referral',
  tag: 'Referrals',
  scopes: [scopes.referralsWrite],
  body: z.object({ patientName: z.string() }),
  idempotent: true,
  responses: { 201: { description: 'Created' } },
});

const getReferral = defineRoute({
  operationId: 'getReferral',
  method: 'GET',
  path: '/v1/referrals/{referralId}',
  summary: 'Read a referral',
  tag: 'Referrals',
  scopes: [scopes.referralsRead],
  params: z.object({ referralId: z.string() }),
  responses: { 200: { description: 'The referral' } },
});

const createPartnerClient = defineRoute({
  operationId: 'createPartnerClient',
  method: 'POST',
  path: '/v1/directory/partners/{partnerId}/clients',
  summary: 'Issue partner credentials',
  tag: 'Directory',
  scopes: [scopes.platformAdmin],
  callers: ['operator'],
  params: z.object({ partnerId: z.string() }),
  idempotent: true,
  responses: { 201: { description: 'Created' } },
});

const closeCase = defineRoute({
  operationId: 'closeCase',
  method: 'POST',
  path: '/v1/cases/{caseId}/close',
  summary: 'Close a case',
  tag: 'Cases',
  scopes: [scopes.casesWrite],
  params: z.object({ caseId: z.string() }),
  requiresIfMatch: true,
  responses: { 200: { description: 'Closed' } },
});

const listCases = defineRoute({
  operationId: 'listCases',
  method: 'GET',
  path: '/v1/cases',
  summary: 'List cases',
  tag: 'Cases',
  scopes: [scopes.casesRead],
  query: z.object({ status: z.optional(z.string()), cursor: z.optional(z.string()) }),
  responses: { 200: { description: 'Cases' } },
});

/** An intake-like service: partner routes, a subscription and a nightly schedule. */
export const intakeFixture: ServiceManifest = defineManifest({
  name: 'intake',
  source: 'carelink.intake',
  dir,
  table: standardTable,
  routes: [
    { contract: createReferral, handler: 'handlers/echo.ts', uses: ['patient-key-secret'] },
    { contract: getReferral, handler: 'handlers/echo.ts' },
  ],
  subscriptions: [
    {
      name: 'case-opened',
      events: [CaseOpenedV1],
      handler: 'handlers/echo.ts',
      batchSize: 10,
      maxReceiveCount: 5,
      visibilityTimeoutSeconds: 60,
      uses: ['on-call-topic'],
    },
  ],
  schedules: [
    {
      name: 'expire-stale-referrals',
      expression: 'cron(0 2 * * ? *)',
      timeZone: 'America/New_York',
      handler: 'handlers/echo.ts',
      description: 'Expires referrals nobody triaged within 30 days',
    },
  ],
});

/** A care-planning-like service: staff routes, a two-event subscription and a monthly schedule. */
export const carePlanningFixture: ServiceManifest = defineManifest({
  name: 'care-planning',
  source: 'carelink.care-planning',
  dir,
  table: standardTable,
  routes: [
    { contract: closeCase, handler: 'handlers/echo.ts' },
    { contract: listCases, handler: 'handlers/echo.ts' },
  ],
  subscriptions: [
    {
      name: 'referral-updates',
      events: [ReferralReceivedV1, ReferralCancelledV1],
      handler: 'handlers/echo.ts',
      batchSize: 25,
      maxReceiveCount: 3,
      visibilityTimeoutSeconds: 120,
    },
  ],
  schedules: [
    {
      name: 'monthly-review',
      expression: 'cron(0 6 1 * ? *)',
      timeZone: 'America/Chicago',
      handler: 'handlers/echo.ts',
      description: 'Opens the monthly care plan reviews',
    },
  ],
});

/** A directory-like service: an operator route that issues clients, and the token trigger. */
export const directoryFixture: ServiceManifest = defineManifest({
  name: 'directory',
  source: 'carelink.directory',
  dir,
  table: standardTable,
  routes: [{ contract: createPartnerClient, handler: 'handlers/echo.ts', uses: ['user-pool-clients'] }],
  subscriptions: [],
  schedules: [],
  identityTriggers: { preTokenGeneration: 'handlers/echo.ts' },
});

export const fixtureManifests: readonly ServiceManifest[] = [
  directoryFixture,
  intakeFixture,
  carePlanningFixture,
];
