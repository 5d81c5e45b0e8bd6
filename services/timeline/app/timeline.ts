import type { EventMetadata } from '@carelink/contracts';
import { type Commit, NotFoundError } from '@carelink/lambda-kit';
import { type TimelineDetailType, timelineEntries } from '../domain/timeline-entry';
import type { PatientCase, PatientIdentity, TimelineStore } from '../store/timeline-store';

/** An event the timeline keeps, as its consumer receives it. */
export interface TimelineEvent {
  detailType: string;
  metadata: EventMetadata;
  data: Record<string, unknown>;
}

const isTimelineType = (detailType: string): detailType is TimelineDetailType =>
  Object.hasOwn(timelineEntries, detailType);

/** The case an opening or closing event keeps beside the entry, so the console can reach its care plan. */
function caseWrites(store: TimelineStore, event: TimelineEvent, patientId: string) {
  if (event.detailType !== 'CaseOpened' && event.detailType !== 'CaseClosed') return [];
  const { caseId, practiceId, program } = event.data as Pick<
    PatientCase,
    'caseId' | 'practiceId' | 'program'
  >;
  const opened = event.detailType === 'CaseOpened';
  return [
    store.putCase(event.metadata.tenantId, patientId, {
      caseId,
      practiceId,
      program,
      status: opened ? 'open' : 'closed',
      ...(opened ? { openedAt: event.metadata.occurredAt } : {}),
    }),
  ];
}

/** The viewer: tenant and practice from the token. */
export interface TimelineViewer {
  tenantId: string;
  practiceId: string | undefined;
}

/**
 * The patient timeline: a read model kept from the event catalog (never from another service's
 * table), and the page a care team reads. A patient is visible to staff of the practice the events
 * name; anyone else gets a 404.
 */
export function createTimeline(store: TimelineStore) {
  return {
    /** The write an event causes: one entry, or the newer identity; nothing for events it does not keep. */
    async apply(event: TimelineEvent): Promise<Commit | undefined> {
      const { tenantId, eventId, occurredAt } = event.metadata;
      const patientId = String(event.data.patientId ?? '');
      if (!patientId) return undefined;
      if (event.detailType === 'PatientIdentified') {
        const identity = event.data as unknown as PatientIdentity;
        const kept = await store.getIdentity(tenantId, patientId);
        if (kept && kept.version >= identity.version) return undefined;
        const { practiceId, name, birthDate, sex, version } = identity;
        return {
          writes: [
            store.putIdentity(
              tenantId,
              patientId,
              { practiceId, name, birthDate, sex, version },
              kept?.version,
            ),
          ],
          events: [],
        };
      }
      if (!isTimelineType(event.detailType)) return undefined;
      const render = timelineEntries[event.detailType] as (
        data: unknown,
        at: string,
      ) => ReturnType<(typeof timelineEntries)[TimelineDetailType]>;
      const entry = render(event.data, occurredAt);
      const practiceId = typeof event.data.practiceId === 'string' ? event.data.practiceId : undefined;
      return {
        writes: [
          store.putEntry(tenantId, patientId, eventId, { ...entry, ...(practiceId ? { practiceId } : {}) }),
          ...caseWrites(store, event, patientId),
        ],
        events: [],
      };
    },

    /** The patient and a page of their story, oldest first; 404 outside the viewer's practice. */
    async read(
      viewer: TimelineViewer,
      patientId: string,
      limit: number,
      startKey: Record<string, unknown> | undefined,
    ) {
      const [identity, page, cases] = await Promise.all([
        store.getIdentity(viewer.tenantId, patientId),
        store.page(viewer.tenantId, patientId, limit, startKey),
        store.cases(viewer.tenantId, patientId),
      ]);
      const owner = identity?.practiceId ?? page.entries.find((e) => e.practiceId)?.practiceId;
      if (!owner || (viewer.practiceId !== undefined && owner !== viewer.practiceId))
        throw new NotFoundError('Patient');
      return {
        patient: identity
          ? { patientId, name: identity.name, birthDate: identity.birthDate, sex: identity.sex }
          : { patientId },
        cases: cases
          .filter((kept) => kept.practiceId === owner)
          .map(({ practiceId: _practiceId, ...kept }) => kept),
        items: page.entries.map(({ practiceId: _practiceId, ...entry }) => entry),
        lastKey: page.lastKey,
      };
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;
