import type {
  ConsentRecordedV1,
  ConsentRevokedV1,
  EventDetail,
  ReferralCancelledV1,
} from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import type { CarePlanning } from '../compose';
import type { Case } from '../domain/case';
import { referralCancelledTask } from '../domain/case-tasks';
import { primaryOf } from '../store/case-store';
import { closing } from './cases';
import { now } from './clock';
import * as published from './events';
import { UNASSIGNED } from './signals';

/**
 * The partner cancelled a referral. Before the patient consented to care, the case closes with
 * reason `referral-cancelled` (outreach and billing stop on `CaseClosed`). After, the primary gets
 * an urgent task to decide: a consented patient's care does not end on a plan's say-so. A
 * cancellation that arrives before any case opened claims the referral, so none opens later.
 */
export async function onReferralCancelled(
  ctx: CarePlanning,
  detail: EventDetail<typeof ReferralCancelledV1>,
): Promise<Commit | undefined> {
  const { tenantId } = detail.metadata;
  const { referralId, patientId } = detail.data;
  const claim = await ctx.cases.referralClaim(tenantId, referralId);
  if (!claim) return { writes: [ctx.cases.claimCancelledReferral(tenantId, referralId)], events: [] };
  if (!claim.caseId) return undefined;
  const record = await ctx.cases.get(tenantId, claim.caseId);
  if (!record || record.case.state === 'closed' || record.case.patientId !== patientId) return undefined;

  if (!(await ctx.consents.hasActive(tenantId, patientId, record.case.practiceId))) {
    ctx.runtime.logger.info('case closed: its referral was cancelled before consent', {
      caseId: record.case.caseId,
    });
    return closing(ctx, tenantId, record, 'referral-cancelled').commit;
  }
  const subject: Case = primaryOf(record)
    ? record.case
    : { ...record.case, careTeam: [{ role: 'primary', staffId: UNASSIGNED, from: record.case.openedAt }] };
  const task = referralCancelledTask(subject, now(ctx));
  if (await ctx.cases.hasTask(tenantId, task.caseId, task.taskKey)) return undefined;
  const { practiceId } = record.case;
  return {
    writes: [ctx.cases.putTask(tenantId, task)],
    events: [
      published.caseTaskChanged(task, 'open', { patientId, practiceId, changedAt: now(ctx).toString() }),
    ],
  };
}

/** Keeps which patients consented, so a cancellation can tell enrolled patients apart. */
export function onConsentChanged(
  ctx: CarePlanning,
  detail: EventDetail<typeof ConsentRecordedV1> | EventDetail<typeof ConsentRevokedV1>,
  revoked: boolean,
): Commit {
  const { tenantId } = detail.metadata;
  const write = revoked
    ? ctx.consents.revoked(tenantId, detail.data)
    : ctx.consents.recorded(tenantId, detail.data);
  return { writes: [write], events: [] };
}
