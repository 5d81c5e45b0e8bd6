import type { EventDetail, RiskFlaggedV1, ScreeningScoredV1 } from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import type { Case } from '../domain/case';
import { type RiskSeverity, urgentReviewFor } from '../domain/risk-review';
import type { CaseRecord } from '../store/case-store';
import * as published from './events';

/** Worklist owner of tasks raised on a case that has no primary yet. */
export const UNASSIGNED = 'unassigned';

const severities: Record<'urgent' | 'high', RiskSeverity> = { urgent: 'critical', high: 'high' };

/**
 * The case a signal is about: the one it names, else the patient's most recent case that is not
 * closed. Either must belong to the tenant (by key) and the practice the event names.
 */
async function caseOf(
  ctx: CarePlanning,
  tenantId: string,
  data: { caseId?: string | undefined; patientId: string; practiceId: string },
): Promise<CaseRecord | undefined> {
  if (!(await ctx.practices.practiceOf(tenantId, data.practiceId))) return undefined;
  const ids = data.caseId ? [data.caseId] : await ctx.cases.caseIdsForPatient(tenantId, data.patientId);
  for (const id of ids) {
    const record = await ctx.cases.get(tenantId, id);
    if (!record || record.case.practiceId !== data.practiceId || record.case.patientId !== data.patientId)
      continue;
    if (data.caseId || record.case.state !== 'closed') return record;
  }
  return undefined;
}

/**
 * A flagged risk becomes a care plan review task for the primary (or the unassigned worklist).
 * One task per flag: a redelivered or repeated flag finds its task and changes nothing.
 */
export async function reviewRisk(
  ctx: CarePlanning,
  detail: EventDetail<typeof RiskFlaggedV1>,
): Promise<Commit | undefined> {
  const { tenantId } = detail.metadata;
  const record = await caseOf(ctx, tenantId, detail.data);
  if (!record) {
    ctx.runtime.logger.info('risk flag has no open case', { flagId: detail.data.flagId });
    return undefined;
  }
  // A case waiting for its first primary is reviewed from the worklist.
  const subject: Case =
    record.case.careTeam.length === 0
      ? { ...record.case, careTeam: [{ role: 'primary', staffId: UNASSIGNED, from: record.case.openedAt }] }
      : record.case;
  const review = urgentReviewFor(subject, {
    kind: detail.data.kind,
    severity: severities[detail.data.severity],
    observedAt: detail.data.observedAt,
  });
  if ('none' in review) return undefined;
  if (await ctx.cases.hasTask(tenantId, record.case.caseId, review.task.taskKey)) return undefined;
  ctx.runtime.logger.info('care plan review raised', {
    caseId: record.case.caseId,
    flagId: detail.data.flagId,
    priority: review.task.priority,
  });
  const { patientId, practiceId } = record.case;
  return {
    writes: [ctx.cases.putTask(tenantId, review.task)],
    events: [
      published.caseTaskChanged(review.task, 'open', {
        patientId,
        practiceId,
        changedAt: ctx.runtime.clock().toISOString(),
      }),
    ],
  };
}

/** Records the latest score and band per instrument; an older score arriving late is ignored. */
export async function recordScreening(
  ctx: CarePlanning,
  detail: EventDetail<typeof ScreeningScoredV1>,
): Promise<Commit | undefined> {
  const { tenantId } = detail.metadata;
  const data = detail.data;
  const record = await caseOf(ctx, tenantId, data);
  if (!record) return undefined;
  const previous = record.screenings[data.instrument];
  if (previous && Date.parse(previous.scoredAt) >= Date.parse(data.scoredAt)) return undefined;
  const next: CaseRecord = {
    ...record,
    screenings: {
      ...record.screenings,
      [data.instrument]: { score: data.score, band: data.band, scoredAt: data.scoredAt },
    },
    version: record.version + 1,
  };
  return { writes: [ctx.cases.save(tenantId, next)], events: [] };
}
