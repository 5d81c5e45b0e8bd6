import { epochMsOf, type Instant } from '@carelink/calendar';
import type { AlertResolution, AlertStatus } from '@carelink/contracts';
import type { EscalationResource, RiskFlagResource } from '@carelink/contracts/api/outreach/alerts';
import { type Commit, NotFoundError, type TenantPrincipal } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { Stores } from '../compose';
import { type AlertState, acknowledgeAlert, resolveAlert, type Stamp } from '../domain';
import type { EscalationRecord } from '../store/contacts';
import type { RiskFlagRecord } from '../store/risk-flags';
import { patientOfCaller } from './access';
import { riskFlagResolved } from './events';

type AlertStores = Pick<Stores, 'cases' | 'riskFlags' | 'contacts'>;

/** The step a person asks for, with what they wrote. */
export type AlertStep =
  | { step: 'acknowledge'; note?: string | undefined }
  | { step: 'resolve'; resolution: AlertResolution; note?: string | undefined };

const stateView = (state: AlertState) => ({
  status: state.status,
  ...(state.acknowledged ? { acknowledged: state.acknowledged } : {}),
  ...(state.resolved ? { resolved: state.resolved } : {}),
});

export const riskFlagView = (flag: RiskFlagRecord): z.input<typeof RiskFlagResource> => ({
  flagId: flag.flagId,
  caseId: flag.caseId,
  kind: flag.kind,
  severity: flag.severity,
  code: flag.code,
  observedAt: flag.observedAt,
  assigneeId: flag.assigneeId,
  ...stateView(flag),
});

export const escalationView = (escalation: EscalationRecord): z.input<typeof EscalationResource> => ({
  escalationId: escalation.id,
  caseId: escalation.caseId,
  reason: escalation.reason,
  month: escalation.month,
  failedAttempts: escalation.failedAttempts,
  raisedAt: escalation.raisedAt.toString(),
  assigneeId: escalation.assigneeId,
  ...stateView(escalation),
});

/** The next state after `step`, stamped with the person and the time; the note only when given. */
function stepped(state: AlertState, step: AlertStep, by: string, now: Instant): AlertState {
  const stamp: Stamp = { by, at: now.toString(), ...(step.note ? { note: step.note } : {}) };
  return step.step === 'acknowledge'
    ? acknowledgeAlert(state, stamp)
    : resolveAlert(state, { ...stamp, resolution: step.resolution });
}

const withStatus = <T extends { status: AlertStatus }>(items: T[], status: AlertStatus | undefined) =>
  items.filter((item) => status === undefined || item.status === status);

/** The patient's risk flags, newest first. */
export async function listRiskFlags(
  stores: AlertStores,
  principal: TenantPrincipal,
  patientId: string,
  status: AlertStatus | undefined,
) {
  await patientOfCaller(stores, principal, patientId);
  const flags = await stores.riskFlags.ofPatient(principal.tenantId, patientId);
  return withStatus(flags, status)
    .sort((a, b) => b.observedAt.localeCompare(a.observedAt) || a.flagId.localeCompare(b.flagId))
    .map(riskFlagView);
}

/** Acknowledges or resolves a flag of the caller's patient; resolving publishes `RiskFlagResolved`. */
export async function stepRiskFlag(
  stores: AlertStores,
  principal: TenantPrincipal,
  target: { patientId: string; flagId: string },
  step: AlertStep,
  now: Instant,
): Promise<{ flag: RiskFlagRecord; commit: Commit }> {
  await patientOfCaller(stores, principal, target.patientId);
  const flag = await stores.riskFlags.get(principal.tenantId, target.patientId, target.flagId);
  if (!flag) throw new NotFoundError('Risk flag');
  const next = { ...flag, ...stepped(flag, step, principal.subject, now) };
  const write = stores.riskFlags.transition(principal.tenantId, flag, next);
  return {
    flag: next,
    commit: { writes: [write], events: next.status === 'resolved' ? [riskFlagResolved(next)] : [] },
  };
}

/** The patient's escalations, newest first. */
export async function listEscalations(
  stores: AlertStores,
  principal: TenantPrincipal,
  patientId: string,
  status: AlertStatus | undefined,
) {
  await patientOfCaller(stores, principal, patientId);
  const escalations = await stores.contacts.escalationsOfPatient(principal.tenantId, patientId);
  return withStatus(escalations, status)
    .sort((a, b) => epochMsOf(b.raisedAt) - epochMsOf(a.raisedAt))
    .map(escalationView);
}

/** Acknowledges or resolves an escalation of the caller's patient. */
export async function stepEscalation(
  stores: AlertStores,
  principal: TenantPrincipal,
  target: { patientId: string; escalationId: string },
  step: AlertStep,
  now: Instant,
): Promise<{ escalation: EscalationRecord; commit: Commit }> {
  await patientOfCaller(stores, principal, target.patientId);
  const escalations = await stores.contacts.escalationsOfPatient(principal.tenantId, target.patientId);
  const escalation = escalations.find((candidate) => candidate.id === target.escalationId);
  if (!escalation) throw new NotFoundError('Escalation');
  const next = { ...escalation, ...stepped(escalation, step, principal.subject, now) };
  const write = stores.contacts.transitionEscalation(principal.tenantId, target.patientId, escalation, next);
  return { escalation: next, commit: { writes: [write], events: [] } };
}
