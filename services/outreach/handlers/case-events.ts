import {
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CareTeamChangedV1,
  CaseClosedV1,
  CaseOpenedV1,
  type EventContract,
  type EventDetail,
} from '@carelink/contracts';
import { eventConsumer } from '@carelink/lambda-kit';
import { reconcileCase } from '../app/case-schedule';
import type { CaseEvent } from '../domain';
import { now, runtime, stores } from '../runtime';

const contracts = [
  CaseOpenedV1,
  CarePlanEstablishedV1,
  CarePlanRevisedV1,
  CaseClosedV1,
  CareTeamChangedV1,
] as const;

function detailOf<C extends EventContract>(
  event: { contract: EventContract; detail: unknown },
  contract: C,
): EventDetail<C> | undefined {
  return event.contract === contract ? (event.detail as EventDetail<C>) : undefined;
}

/** Translates a care-planning event into the facts the case projection is built from. */
function toCaseEvent(event: { contract: EventContract; detail: unknown }): CaseEvent | undefined {
  const opened = detailOf(event, CaseOpenedV1);
  if (opened) {
    const { dischargeDate, ...data } = opened.data;
    return { type: 'opened', ...data, ...(dischargeDate ? { dischargeDate } : {}) };
  }
  const established = detailOf(event, CarePlanEstablishedV1) ?? detailOf(event, CarePlanRevisedV1);
  if (established) {
    const data = established.data;
    return {
      type: 'plan',
      caseId: data.caseId,
      patientId: data.patientId,
      practiceId: data.practiceId,
      program: data.program,
      planId: data.carePlanId,
      version: data.version,
      interventions: data.interventions,
    };
  }
  const closed = detailOf(event, CaseClosedV1);
  if (closed) {
    const { caseId, patientId, practiceId, program } = closed.data;
    return { type: 'closed', caseId, patientId, practiceId, program, at: closed.metadata.occurredAt };
  }
  const team = detailOf(event, CareTeamChangedV1);
  if (team) {
    const { caseId, patientId, practiceId, change, staffId, service } = team.data;
    return {
      type: 'team',
      caseId,
      patientId,
      practiceId,
      change,
      staffId,
      ...(service ? { service } : {}),
      at: team.metadata.occurredAt,
    };
  }
  return undefined;
}

/** Keeps the case projection and the outreach schedule in step with care planning. */
export const handler = eventConsumer(runtime, {
  name: 'case-events',
  contracts,
  handle: async (event) => {
    const caseEvent = toCaseEvent(event);
    if (!caseEvent) return undefined;
    return reconcileCase(stores, event.detail.metadata.tenantId, caseEvent, caseEvent, now());
  },
});
