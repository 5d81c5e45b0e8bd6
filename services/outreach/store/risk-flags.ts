import type { StateWrite } from '@carelink/lambda-kit';
import { keys, sk } from './keys';
import type { Table } from './table';

/** Kinds published in `RiskFlagged`. */
export type PublishedFlagKind =
  | 'self-harm-risk'
  | 'vital-sign'
  | 'readmission-risk'
  | 'social-need'
  | 'contact-failure';

/** A risk flag routed to the primary case manager's worklist. */
export interface StoredRiskFlag {
  readonly flagId: string;
  readonly patientId: string;
  readonly caseId: string;
  readonly practiceId: string;
  readonly kind: PublishedFlagKind;
  readonly severity: 'urgent' | 'high';
  readonly code: string;
  readonly observedAt: string;
  readonly assigneeId: string;
  /** What raised it: a screening, an observation or an escalation. */
  readonly sourceId: string;
}

export function createRiskFlagStore(table: Table) {
  function put(tenantId: string, flag: StoredRiskFlag): StateWrite {
    const { kind: flagKind, ...rest } = flag;
    return {
      Put: {
        TableName: table.name,
        Item: {
          pk: keys.patient(tenantId, flag.patientId),
          sk: sk.flag(flag.flagId),
          kind: 'risk-flag',
          flagKind,
          ...rest,
          status: 'open',
          gsi1pk: keys.staff(tenantId, flag.assigneeId),
          gsi1sk: `FLAG#${flag.observedAt}#${flag.flagId}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  return { put };
}

export type RiskFlagStore = ReturnType<typeof createRiskFlagStore>;
