import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { Cursor } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { PatientId, RunId, runParams, tag } from './shared';

const AuditEntry = z.object({
  timeEntryId: z.string(),
  startedAt: z.string(),
  minutes: z.int(),
  performer: z.string(),
  practitionerId: z.string(),
  program: z.string(),
});

export const AuditPacketResource = withMeta(
  z.object({
    patientId: PatientId,
    lines: z.array(z.object({ code: z.string(), units: z.int() })),
    reasons: z.array(z.string()),
    consent: z.nullable(
      z.object({
        consentId: z.string(),
        program: z.string(),
        obtainedAt: z.string(),
        revokedAt: z.nullable(z.string()),
        billingPractitionerId: z.string(),
      }),
    ),
    carePlan: z.nullable(
      z.object({
        carePlanId: z.string(),
        version: z.int(),
        establishedAt: z.string(),
        revisedAt: z.nullable(z.string()),
      }),
    ),
    eligibility: z.nullable(
      z.object({
        determinationVersion: z.int(),
        conditionCategories: z.array(z.string()),
        chronicConditionCount: z.int(),
        complexConditionForPcm: z.boolean(),
      }),
    ),
    medicalDecisionMaking: z.nullable(z.string()),
    otherBilled: z.array(z.object({ code: z.string(), practitionerId: z.string() })),
    countedEntries: z.array(AuditEntry),
    attempt: z.int(),
  }),
  { id: 'BillingAuditPacket' },
);

export const AuditPageResource = withMeta(
  z.object({ runId: RunId, items: z.array(AuditPacketResource), nextCursor: z.optional(z.string()) }),
  { id: 'BillingAuditPage' },
);

export const getAuditRoute = defineRoute({
  operationId: 'getBillingAudit',
  method: 'GET',
  path: '/v1/billing/runs/{runId}/audit',
  summary: 'The audit packet of every patient-month of a run',
  tag,
  scopes: [scopes.billingRead],
  params: runParams,
  query: z.object({
    cursor: z.optional(Cursor),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  }),
  responses: {
    200: { description: 'A page of audit packets', schema: AuditPageResource },
    404: { description: 'No such run' },
  },
});
