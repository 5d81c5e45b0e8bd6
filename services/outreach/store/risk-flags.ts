import type { StateWrite } from '@carelink/lambda-kit';
import type { AlertState } from '../domain';
import { alertStateOf, alertTransition } from './alerts';
import { keys, sk } from './keys';
import type { Item, Table } from './table';

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

/** A flag with where it stands. */
export type RiskFlagRecord = StoredRiskFlag & AlertState;

/** Paging of an urgent flag: how many pages went out and when the next is due. */
export interface PageState {
  readonly attempt: number;
  readonly lastTo: string;
  readonly nextAt?: string;
}

/** A re-page that is due, as the schedule finds it. */
export interface DuePage {
  readonly tenantId: string;
  readonly patientId: string;
  readonly flagId: string;
  readonly dueAt: string;
}

const toFlag = (item: Item): RiskFlagRecord & { page?: PageState } => ({
  flagId: item.flagId as string,
  patientId: item.patientId as string,
  caseId: item.caseId as string,
  practiceId: item.practiceId as string,
  kind: item.flagKind as PublishedFlagKind,
  severity: item.severity as 'urgent' | 'high',
  code: item.code as string,
  observedAt: item.observedAt as string,
  assigneeId: item.assigneeId as string,
  sourceId: item.sourceId as string,
  ...alertStateOf(item),
  ...(item.page ? { page: item.page as PageState } : {}),
});

export function createRiskFlagStore(table: Table) {
  const flagKey = (tenantId: string, patientId: string, flagId: string) => ({
    pk: keys.patient(tenantId, patientId),
    sk: sk.flag(flagId),
  });

  function put(tenantId: string, flag: StoredRiskFlag): StateWrite {
    const { kind: flagKind, ...rest } = flag;
    return {
      Put: {
        TableName: table.name,
        Item: {
          ...flagKey(tenantId, flag.patientId, flag.flagId),
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

  async function ofPatient(tenantId: string, patientId: string) {
    return (await table.queryPrefix(keys.patient(tenantId, patientId), 'FLAG#')).map(toFlag);
  }

  async function get(tenantId: string, patientId: string, flagId: string) {
    const item = await table.get(keys.patient(tenantId, patientId), sk.flag(flagId));
    return item ? toFlag(item) : undefined;
  }

  function transition(tenantId: string, flag: RiskFlagRecord, next: AlertState): StateWrite {
    return alertTransition(table, flagKey(tenantId, flag.patientId, flag.flagId), flag.status, next);
  }

  /**
   * Records page `page.attempt` of a flag and replaces its due entry: only if the flag is still
   * open and at the previous attempt, so two runs cannot page the same person twice.
   */
  function recordPage(
    tenantId: string,
    flag: RiskFlagRecord,
    previous: PageState | undefined,
    page: PageState,
  ) {
    const writes: StateWrite[] = [
      {
        Update: {
          TableName: table.name,
          Key: flagKey(tenantId, flag.patientId, flag.flagId),
          UpdateExpression: 'SET page = :page',
          ConditionExpression: previous
            ? '#status = :open AND page.attempt = :previous'
            : '(attribute_not_exists(#status) OR #status = :open) AND attribute_not_exists(page)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':page': page,
            ':open': 'open',
            ...(previous ? { ':previous': previous.attempt } : {}),
          },
        },
      },
    ];
    if (previous?.nextAt) writes.push(dropDue(tenantId, previous.nextAt, flag.flagId));
    if (page.nextAt)
      writes.push({
        Put: {
          TableName: table.name,
          Item: {
            pk: keys.pagesDue(tenantId),
            sk: `${page.nextAt}#${flag.flagId}`,
            kind: 'page-due',
            patientId: flag.patientId,
            flagId: flag.flagId,
          },
        },
      });
    return writes;
  }

  function dropDue(tenantId: string, dueAt: string, flagId: string): StateWrite {
    return {
      Delete: { TableName: table.name, Key: { pk: keys.pagesDue(tenantId), sk: `${dueAt}#${flagId}` } },
    };
  }

  /** Re-pages of a tenant due at or before `now` (ISO instant, sortable). */
  async function duePages(tenantId: string, now: string): Promise<DuePage[]> {
    const items = await table.queryBetween(keys.pagesDue(tenantId), '0', `${now}#~`);
    return items.map((item) => ({
      tenantId,
      patientId: item.patientId as string,
      flagId: item.flagId as string,
      dueAt: (item.sk as string).slice(0, (item.sk as string).lastIndexOf('#')),
    }));
  }

  return { put, ofPatient, get, transition, recordPage, dropDue, duePages };
}

export type RiskFlagStore = ReturnType<typeof createRiskFlagStore>;
