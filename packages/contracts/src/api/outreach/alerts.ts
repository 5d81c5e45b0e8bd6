import * as z from 'zod/mini';
import { withMeta } from '../../meta';
import { AlertResolution, AlertStatus } from '../../outreach-vocabulary';
import { IsoInstant, Ulid, YearMonth } from '../../primitives';
import { defineRoute } from '../../route-contract';
import { PatientParams, problems, read, tag, write } from './shared';

// Risk flags and escalations: open → acknowledged → resolved, each step by a named person.
const Stamp = z.object({ by: z.string(), at: IsoInstant });
const Resolved = z.extend(Stamp, { resolution: AlertResolution, note: z.optional(z.string()) });

export const AcknowledgeBody = withMeta(
  z.strictObject({ note: z.optional(z.string().check(z.maxLength(2000))) }),
  { id: 'OutreachAcknowledgeRequest', example: { note: 'Calling the patient now' } },
);

export const ResolveBody = withMeta(
  z.strictObject({ resolution: AlertResolution, note: z.optional(z.string().check(z.maxLength(2000))) }),
  {
    id: 'OutreachResolveRequest',
    example: { resolution: 'clinically-addressed', note: 'Safety plan reviewed with the patient' },
  },
);

export const RiskFlagResource = withMeta(
  z.object({
    flagId: Ulid,
    caseId: Ulid,
    kind: z.enum(['self-harm-risk', 'vital-sign', 'readmission-risk', 'social-need', 'contact-failure']),
    severity: z.enum(['urgent', 'high']),
    code: z.string(),
    observedAt: IsoInstant,
    assigneeId: z.string(),
    status: AlertStatus,
    acknowledged: z.optional(z.extend(Stamp, { note: z.optional(z.string()) })),
    resolved: z.optional(Resolved),
  }),
  {
    id: 'OutreachRiskFlag',
    example: {
      flagId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8M',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      kind: 'self-harm-risk',
      severity: 'urgent',
      code: 'PHQ9_ITEM9_POSITIVE',
      observedAt: '2026-10-11T09:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'acknowledged',
      acknowledged: { by: 'staff-boston-care-manager', at: '2026-10-11T09:05:00Z' },
    },
  },
);

export const EscalationResource = withMeta(
  z.object({
    escalationId: z.string(),
    caseId: Ulid,
    reason: z.enum(['unreachable']),
    month: YearMonth,
    failedAttempts: z.int(),
    raisedAt: IsoInstant,
    assigneeId: z.string(),
    status: AlertStatus,
    acknowledged: z.optional(z.extend(Stamp, { note: z.optional(z.string()) })),
    resolved: z.optional(Resolved),
  }),
  {
    id: 'OutreachEscalation',
    example: {
      escalationId: 'escalation#01JD3Y7T5V0M3Q8W9X2Z4A6B8F#2026-10',
      caseId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8F',
      reason: 'unreachable',
      month: '2026-10',
      failedAttempts: 3,
      raisedAt: '2026-10-20T15:00:00Z',
      assigneeId: 'staff-boston-care-manager',
      status: 'open',
    },
  },
);

const StatusQuery = z.object({ status: z.optional(AlertStatus) });
const transitionProblems = {
  409: { description: 'The item is not in a status that allows this step (e.g. already resolved)' },
  ...problems,
} as const;

export const listRiskFlagsRoute = defineRoute({
  operationId: 'listRiskFlags',
  method: 'GET',
  path: '/v1/patients/{patientId}/risk-flags',
  summary: 'List a patient’s risk flags, newest first',
  tag,
  scopes: read,
  params: PatientParams,
  query: StatusQuery,
  responses: {
    200: { description: 'The flags', schema: z.object({ items: z.array(RiskFlagResource) }) },
    ...problems,
  },
});

const FlagParams = z.object({ patientId: Ulid, flagId: Ulid });

export const acknowledgeRiskFlagRoute = defineRoute({
  operationId: 'acknowledgeRiskFlag',
  method: 'POST',
  path: '/v1/patients/{patientId}/risk-flags/{flagId}/acknowledge',
  summary: 'Acknowledge an open risk flag: the caller owns it now, and on-call paging stops',
  tag,
  scopes: write,
  idempotent: true,
  params: FlagParams,
  body: AcknowledgeBody,
  responses: { 200: { description: 'Acknowledged', schema: RiskFlagResource }, ...transitionProblems },
});

export const resolveRiskFlagRoute = defineRoute({
  operationId: 'resolveRiskFlag',
  method: 'POST',
  path: '/v1/patients/{patientId}/risk-flags/{flagId}/resolve',
  summary: 'Resolve a risk flag with a resolution code; publishes RiskFlagResolved',
  tag,
  scopes: write,
  idempotent: true,
  params: FlagParams,
  body: ResolveBody,
  responses: { 200: { description: 'Resolved', schema: RiskFlagResource }, ...transitionProblems },
});

export const listEscalationsRoute = defineRoute({
  operationId: 'listEscalations',
  method: 'GET',
  path: '/v1/patients/{patientId}/escalations',
  summary: 'List a patient’s escalations, newest first',
  tag,
  scopes: read,
  params: PatientParams,
  query: StatusQuery,
  responses: {
    200: { description: 'The escalations', schema: z.object({ items: z.array(EscalationResource) }) },
    ...problems,
  },
});

const EscalationParams = z.object({
  patientId: Ulid,
  escalationId: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const acknowledgeEscalationRoute = defineRoute({
  operationId: 'acknowledgeEscalation',
  method: 'POST',
  path: '/v1/patients/{patientId}/escalations/{escalationId}/acknowledge',
  summary: 'Acknowledge an open escalation',
  tag,
  scopes: write,
  idempotent: true,
  params: EscalationParams,
  body: AcknowledgeBody,
  responses: { 200: { description: 'Acknowledged', schema: EscalationResource }, ...transitionProblems },
});

export const resolveEscalationRoute = defineRoute({
  operationId: 'resolveEscalation',
  method: 'POST',
  path: '/v1/patients/{patientId}/escalations/{escalationId}/resolve',
  summary: 'Resolve an escalation with a resolution code',
  tag,
  scopes: write,
  idempotent: true,
  params: EscalationParams,
  body: ResolveBody,
  responses: { 200: { description: 'Resolved', schema: EscalationResource }, ...transitionProblems },
});
