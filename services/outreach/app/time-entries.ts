import {
  addMilliseconds,
  compareInstants,
  type Instant,
  MINUTE_MS,
  monthOf,
  parseInstant,
} from '@carelink/calendar';
import type { VoidReason } from '@carelink/contracts';
import { type Commit, ConflictError, NotFoundError, type TenantPrincipal } from '@carelink/lambda-kit';
import type { Stores } from '../compose';
import {
  minutesInMonth,
  recordTimeEntry,
  TimeAfterCaseClosedError,
  TimeAuthorError,
  TimeEntryOverlapError,
  timeAuthorIssues,
  voidTimeEntry,
} from '../domain';
import type { StoredTimeEntry } from '../store/time-entries';
import { patientOfCaller, practiceTimeZone } from './access';
import { timeLogged } from './events';

export interface TimeEntryRequest {
  program: StoredTimeEntry['program'];
  performer: StoredTimeEntry['performer'];
  practitionerId: string;
  startedAt: string;
  minutes: number;
  activity: StoredTimeEntry['activity'];
  note?: string | undefined;
}

export const timeEntryLocation = (patientId: string, entryId: string) =>
  `/v1/patients/${patientId}/time-entries/${entryId}`;

/** The API view of an entry (the note is shown to staff, never published). */
export function timeEntryView(entry: StoredTimeEntry) {
  return {
    timeEntryId: entry.id,
    caseId: entry.caseId,
    program: entry.program,
    performer: entry.performer,
    practitionerId: entry.practitionerId,
    startedAt: entry.startedAt.toString(),
    minutes: entry.minutes,
    activity: entry.activity,
    ...(entry.note ? { note: entry.note } : {}),
    recordedAt: entry.recordedAt.toString(),
    recordedBy: entry.recordedBy,
    ...(entry.voided
      ? { voided: { reason: entry.voided.reason, by: entry.voided.by, at: entry.voided.at.toString() } }
      : {}),
  };
}

const raced = () =>
  new ConflictError('Another time entry of this practitioner was logged concurrently; retry');

/** Logs time: no future end, no overlap with the practitioner's other entries (race-safe), immutable. */
export async function logTimeEntry(
  stores: Pick<Stores, 'cases' | 'timeEntries'>,
  principal: TenantPrincipal,
  patientId: string,
  request: TimeEntryRequest,
  ids: { id: string; now: Instant },
): Promise<{ entry: StoredTimeEntry; commit: Commit }> {
  // Another practice's patient is a 404 before anything about the entry is judged.
  const patient = await patientOfCaller(stores, principal, patientId);
  const authorIssues = timeAuthorIssues(
    { staffId: principal.subject, credential: principal.credential },
    request,
  );
  if (authorIssues.length > 0) throw new TimeAuthorError(authorIssues);
  const startedAt = parseInstant(request.startedAt);
  const current = await stores.cases.caseOf(principal.tenantId, patientId, patient.caseId);
  const closedAt = current?.projection.closedAt;
  if (closedAt && compareInstants(startedAt, parseInstant(closedAt)) >= 0)
    throw new TimeAfterCaseClosedError();
  const end = addMilliseconds(startedAt, request.minutes * MINUTE_MS);
  const window = await stores.timeEntries.practitionerWindow(
    principal.tenantId,
    request.practitionerId,
    startedAt,
    end,
  );
  let recorded: ReturnType<typeof recordTimeEntry>;
  try {
    recorded = recordTimeEntry(
      { ...request, caseId: patient.caseId },
      { id: ids.id, recordedBy: principal.subject, now: ids.now, existing: window.entries },
    );
  } catch (error) {
    if (!(error instanceof TimeEntryOverlapError)) throw error;
    const other = window.entries.find((entry) => entry.id === error.conflictingEntryId);
    throw new ConflictError(
      `The time entry overlaps time entry ${error.conflictingEntryId} of the same practitioner`,
      other ? timeEntryLocation(other.patientId, other.id) : undefined,
    );
  }
  const entry: StoredTimeEntry = { ...recorded.entry, patientId, practiceId: patient.practiceId };
  return {
    entry,
    commit: {
      writes: stores.timeEntries.create(principal.tenantId, entry, window.lockVersion, raced),
      events: [timeLogged(entry, false)],
    },
  };
}

/** Voids an entry, keeping who, when and why; publishes `TimeLogged` with `voided: true`. */
export async function voidEntry(
  stores: Pick<Stores, 'cases' | 'timeEntries'>,
  principal: TenantPrincipal,
  patientId: string,
  entryId: string,
  reason: VoidReason,
  now: Instant,
): Promise<{ entry: StoredTimeEntry; commit: Commit }> {
  await patientOfCaller(stores, principal, patientId);
  const entry = await stores.timeEntries.get(principal.tenantId, patientId, entryId);
  if (!entry) throw new NotFoundError('Time entry');
  const result = voidTimeEntry(entry, { reason, by: principal.subject, at: now });
  const voided: StoredTimeEntry = { ...entry, ...result.entry };
  return {
    entry: voided,
    commit: {
      writes: stores.timeEntries.void(
        principal.tenantId,
        voided,
        () => new ConflictError(`Time entry ${entryId} is already voided`),
      ),
      events: [timeLogged(voided, true)],
    },
  };
}

/** A patient's entries that start in `month` of the practice calendar, and their non-voided minutes. */
export async function listEntries(
  stores: Pick<Stores, 'cases' | 'timeEntries' | 'practices'>,
  principal: TenantPrincipal,
  patientId: string,
  month: string | undefined,
  now: Instant,
): Promise<{ month: string; items: StoredTimeEntry[]; minutes: number }> {
  await patientOfCaller(stores, principal, patientId);
  const zone = await practiceTimeZone(stores, principal);
  const wanted = month ?? monthOf(now, zone);
  const entries = (await stores.timeEntries.ofPatient(principal.tenantId, patientId))
    .filter((entry) => monthOf(entry.startedAt, zone) === wanted)
    .sort((a, b) => compareInstants(a.startedAt, b.startedAt));
  return { month: wanted, items: entries, minutes: minutesInMonth(entries, wanted, zone) };
}
