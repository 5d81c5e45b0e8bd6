import {
  addMilliseconds,
  compareInstants,
  type Instant,
  MINUTE_MS,
  monthOf,
  parseIsoMonth,
} from '@carelink/calendar';
import { Performer, TimeEntryActivity, TimeProgram, VoidReason } from '@carelink/contracts';
import * as z from 'zod/mini';
import { FutureTimeEntryError, TimeEntryAlreadyVoidedError, TimeEntryOverlapError } from './errors';
import { InstantSchema } from './instant-schema';
import { parseOrThrow } from './validation';

/** Care-management programs time can be logged against. */
export const CARE_PROGRAMS = TimeProgram.options;
/** A care-management program. */
export type CareProgram = TimeProgram;

/** Minutes of one entry: at least one, at most a four-hour block. */
export const MAX_ENTRY_MINUTES = 240;

/** A time entry as submitted by staff. */
export const TimeEntryInputSchema = z.strictObject({
  caseId: z.string().check(z.minLength(1), z.maxLength(128)),
  program: TimeProgram,
  performer: Performer,
  practitionerId: z.string().check(z.minLength(1), z.maxLength(128)),
  startedAt: InstantSchema,
  minutes: z.int().check(z.gte(1), z.lte(MAX_ENTRY_MINUTES)),
  activity: TimeEntryActivity,
  note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
});

/** A validated time entry input. */
export type TimeEntryInput = z.output<typeof TimeEntryInputSchema>;

/** The audited record of a void. */
export interface TimeEntryVoid {
  readonly reason: VoidReason;
  readonly by: string;
  readonly at: Instant;
}

/**
 * A recorded time entry. Entries are never edited: a mistake is corrected by voiding the entry and
 * recording a new one, so billed minutes can always be traced.
 */
export interface TimeEntry extends Readonly<TimeEntryInput> {
  readonly id: string;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
  readonly voided?: TimeEntryVoid;
}

/** Emitted when time is recorded. The note is left out: it is free text and may hold PHI. */
export interface TimeEntryRecorded {
  readonly type: 'TimeEntryRecorded';
  readonly entryId: string;
  readonly caseId: string;
  readonly program: CareProgram;
  readonly performer: Performer;
  readonly practitionerId: string;
  readonly startedAt: string;
  readonly minutes: number;
  readonly activity: TimeEntryActivity;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** Emitted when an entry is voided, so billing totals can be recomputed. */
export interface TimeEntryVoided {
  readonly type: 'TimeEntryVoided';
  readonly entryId: string;
  readonly caseId: string;
  readonly reason: VoidReason;
  readonly by: string;
  readonly at: string;
}

/** The instant an entry ends: entries are half-open intervals `[startedAt, end)`. */
export function timeEntryEnd(entry: Pick<TimeEntry, 'startedAt' | 'minutes'>): Instant {
  return addMilliseconds(entry.startedAt, entry.minutes * MINUTE_MS);
}

/** True when two intervals share time; one ending exactly when the other starts does not overlap. */
function overlaps(
  a: Pick<TimeEntry, 'startedAt' | 'minutes'>,
  b: Pick<TimeEntry, 'startedAt' | 'minutes'>,
): boolean {
  return (
    compareInstants(a.startedAt, timeEntryEnd(b)) < 0 && compareInstants(b.startedAt, timeEntryEnd(a)) < 0
  );
}

/** The first non-voided entry of the same staff member that overlaps `candidate`, if any. */
export function findOverlappingEntry(
  candidate: Pick<TimeEntry, 'practitionerId' | 'startedAt' | 'minutes'>,
  existing: readonly TimeEntry[],
): TimeEntry | undefined {
  return existing.find(
    (entry) =>
      entry.voided === undefined &&
      entry.practitionerId === candidate.practitionerId &&
      overlaps(entry, candidate),
  );
}

/** What `recordTimeEntry` needs besides the input: injected id, clock and the staff member's entries. */
export interface RecordTimeEntryContext {
  readonly id: string;
  readonly recordedBy: string;
  readonly now: Instant;
  /** Entries of the same practitioner around the new one; other practitioners' entries are ignored. */
  readonly existing: readonly TimeEntry[];
}

/**
 * Validates and records a time entry. Rejects entries that end after `now` and entries that overlap
 * a non-voided entry of the same practitioner, whatever the case or program.
 */
export function recordTimeEntry(
  input: unknown,
  context: RecordTimeEntryContext,
): { entry: TimeEntry; events: [TimeEntryRecorded] } {
  const parsed = parseOrThrow(TimeEntryInputSchema, input, 'time entry');
  if (compareInstants(timeEntryEnd(parsed), context.now) > 0) throw new FutureTimeEntryError();
  const conflict = findOverlappingEntry(parsed, context.existing);
  if (conflict) throw new TimeEntryOverlapError(conflict.id);
  const entry: TimeEntry = Object.freeze({
    ...parsed,
    id: context.id,
    recordedAt: context.now,
    recordedBy: context.recordedBy,
  });
  return {
    entry,
    events: [
      {
        type: 'TimeEntryRecorded',
        entryId: entry.id,
        caseId: entry.caseId,
        program: entry.program,
        performer: entry.performer,
        practitionerId: entry.practitionerId,
        startedAt: entry.startedAt.toString(),
        minutes: entry.minutes,
        activity: entry.activity,
        recordedBy: entry.recordedBy,
        recordedAt: entry.recordedAt.toString(),
      },
    ],
  };
}

const VoidSchema = z.object({
  reason: VoidReason,
  by: z.string().check(z.minLength(1), z.maxLength(128)),
  at: InstantSchema,
});

/** Voids an entry, keeping who voided it, when and why. A voided entry stays on record. */
export function voidTimeEntry(
  entry: TimeEntry,
  details: { readonly reason: VoidReason; readonly by: string; readonly at: Instant },
): { entry: TimeEntry; events: [TimeEntryVoided] } {
  if (entry.voided) throw new TimeEntryAlreadyVoidedError(entry.id);
  const voided: TimeEntryVoid = Object.freeze(parseOrThrow(VoidSchema, details, 'time entry void'));
  return {
    entry: Object.freeze({ ...entry, voided }),
    events: [
      {
        type: 'TimeEntryVoided',
        entryId: entry.id,
        caseId: entry.caseId,
        reason: voided.reason,
        by: voided.by,
        at: voided.at.toString(),
      },
    ],
  };
}

/**
 * Corrects an entry the only way the audit trail allows: voids it and records the replacement. The
 * replacement is checked against the other entries with the original already voided, so a fix that
 * only shifts the same block of time is accepted.
 */
export function correctTimeEntry(
  original: TimeEntry,
  details: { readonly reason: VoidReason; readonly by: string; readonly at: Instant },
  replacement: unknown,
  context: RecordTimeEntryContext,
): { voided: TimeEntry; entry: TimeEntry; events: [TimeEntryVoided, TimeEntryRecorded] } {
  const voiding = voidTimeEntry(original, details);
  const existing = context.existing.map((entry) => (entry.id === original.id ? voiding.entry : entry));
  const recording = recordTimeEntry(replacement, { ...context, existing });
  return {
    voided: voiding.entry,
    entry: recording.entry,
    events: [voiding.events[0], recording.events[0]],
  };
}

/** Which entries `minutesInMonth` counts; omitted fields match everything. */
export interface TimeEntryFilter {
  readonly caseId?: string;
  readonly program?: CareProgram;
  readonly performer?: Performer;
  readonly practitionerId?: string;
}

/**
 * Sums the minutes of non-voided entries that start in `month` (`YYYY-MM`) as seen from the
 * practice's `timeZone`. An entry is billed whole in the month it starts in.
 */
export function minutesInMonth(
  entries: readonly TimeEntry[],
  month: string,
  timeZone: string,
  filter: TimeEntryFilter = {},
): number {
  const wanted = parseIsoMonth(month);
  let total = 0;
  for (const entry of entries) {
    if (entry.voided) continue;
    if (filter.caseId !== undefined && entry.caseId !== filter.caseId) continue;
    if (filter.program !== undefined && entry.program !== filter.program) continue;
    if (filter.performer !== undefined && entry.performer !== filter.performer) continue;
    if (filter.practitionerId !== undefined && entry.practitionerId !== filter.practitionerId) continue;
    if (monthOf(entry.startedAt, timeZone) === wanted) total += entry.minutes;
  }
  return total;
}
