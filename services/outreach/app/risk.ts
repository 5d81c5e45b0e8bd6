import type { EventDraft, StateWrite } from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import type { RiskFlag } from '../domain';
import type { PatientProfile } from '../store/cases';
import type { PublishedFlagKind, StoredRiskFlag } from '../store/risk-flags';
import { riskFlagged } from './events';

/** How a clinical flag of the domain is published: kind and a reason code, never the value. */
export function publishedKind(flag: RiskFlag): PublishedFlagKind {
  switch (flag.kind) {
    case 'self-harm-risk':
      return 'self-harm-risk';
    case 'interpersonal-safety':
      return 'social-need';
    case 'weight-gain-day':
    case 'weight-gain-week':
      return 'readmission-risk';
    default:
      return 'vital-sign';
  }
}

/** `hypertensive-crisis` → `HYPERTENSIVE_CRISIS`; PHQ-9 item 9 gets its own code. */
export function reasonCode(flag: RiskFlag): string {
  if (flag.kind === 'self-harm-risk') return 'PHQ9_ITEM9_POSITIVE';
  return flag.kind.toUpperCase().replaceAll('-', '_');
}

/** The worklist item and the `RiskFlagged` event of one flag, for the patient's primary. */
export function raiseFlag(
  stores: Pick<Stores, 'riskFlags'>,
  tenantId: string,
  patient: PatientProfile,
  flag: {
    flagId: string;
    kind: PublishedFlagKind;
    severity: 'urgent' | 'high';
    code: string;
    observedAt: string;
    sourceId: string;
  },
): { write: StateWrite; event: EventDraft } {
  const stored: StoredRiskFlag = {
    ...flag,
    patientId: patient.patientId,
    caseId: patient.caseId,
    practiceId: patient.practiceId,
    assigneeId: patient.primaryStaffId,
  };
  return {
    write: stores.riskFlags.put(tenantId, stored),
    event: riskFlagged(stored),
  };
}

/**
 * Raises every flag one screening or observation produced: each flag's write and event join the
 * caller's commit, and the flags are returned as the response lists them.
 */
export function raiseFlags(
  stores: Pick<Stores, 'riskFlags'>,
  tenantId: string,
  patient: PatientProfile,
  flags: readonly RiskFlag[],
  source: { sourceId: string; newId: () => string },
  commit: { writes: StateWrite[]; events: EventDraft[] },
): { flagId: string; kind: PublishedFlagKind; severity: RiskFlag['severity']; code: string }[] {
  return flags.map((flag) => {
    const flagId = source.newId();
    const raised = raiseFlag(stores, tenantId, patient, {
      flagId,
      kind: publishedKind(flag),
      severity: flag.severity,
      code: reasonCode(flag),
      observedAt: flag.observedAt.toString(),
      sourceId: source.sourceId,
    });
    commit.writes.push(raised.write);
    commit.events.push(raised.event);
    return { flagId, kind: publishedKind(flag), severity: flag.severity, code: reasonCode(flag) };
  });
}
