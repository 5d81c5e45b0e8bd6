import type { Instant } from '@carelink/calendar';
import type { CareTeamAssignment, Case, CaseResult } from './case';
import { CareTeamChangeError, InvariantViolationError } from './errors';
import type { CareTeamChange, CareTeamChanged } from './events';
import { IdSchema, parseOrThrow } from './primitives';
import { type SecondaryService, SecondaryServiceSchema } from './roster';

/** An assignment still in force. */
export type ActiveAssignment = CareTeamAssignment & { until?: undefined };

const isActive = (assignment: CareTeamAssignment): assignment is ActiveAssignment =>
  assignment.until === undefined;

/** Every primary assignment in force; the invariant is that there is exactly one. */
export const activePrimaries = (current: Case): ActiveAssignment[] =>
  current.careTeam.filter((a): a is ActiveAssignment => isActive(a) && a.role === 'primary');

/** Staff id of the primary case manager in force. */
export const activePrimary = (current: Case): string => {
  const [primary] = activePrimaries(current);
  // Unreachable for cases built by this module; guards against corrupted stored data.
  if (primary === undefined) throw new InvariantViolationError('case-has-one-active-primary');
  return primary.staffId;
};

/** Secondary assignments in force, as staff and service pairs. */
export const activeSecondaries = (current: Case): { staffId: string; service: SecondaryService }[] =>
  current.careTeam.flatMap((a) =>
    isActive(a) && a.role === 'secondary' ? [{ staffId: a.staffId, service: a.service }] : [],
  );

const changed = (current: Case, careTeam: CareTeamAssignment[], change: CareTeamChange, at: string) => ({
  case: { ...current, careTeam },
  events: [
    {
      type: 'CareTeamChanged' as const,
      tenantId: current.tenantId,
      caseId: current.caseId,
      occurredAt: at,
      change,
    },
  ],
});

const assertOpenForChanges = (current: Case): void => {
  if (current.state === 'closed') throw new CareTeamChangeError('case-closed');
};

/**
 * Hands the case to a new primary: the current primary's assignment ends at the same instant
 * the new one starts, so there is never a moment with zero or two primaries. A current
 * secondary must be removed first, keeping every service hand-over explicit.
 */
export const reassignPrimary = (
  current: Case,
  toStaffId: string,
  now: Instant,
): CaseResult<CareTeamChanged> => {
  assertOpenForChanges(current);
  const staffId = parseOrThrow(IdSchema, toStaffId, 'staff id');
  const fromStaffId = activePrimary(current);
  if (fromStaffId === staffId) throw new CareTeamChangeError('already-primary');
  if (activeSecondaries(current).some((s) => s.staffId === staffId)) {
    throw new CareTeamChangeError('staff-is-secondary');
  }
  const at = now.toString();
  const careTeam: CareTeamAssignment[] = [
    ...current.careTeam.map((a) => (isActive(a) && a.role === 'primary' ? { ...a, until: at } : a)),
    { role: 'primary', staffId, from: at },
  ];
  return changed(current, careTeam, { kind: 'primary-reassigned', fromStaffId, toStaffId: staffId }, at);
};

/** Adds a secondary case manager delivering one service; the primary already owns every service. */
export const addSecondary = (
  current: Case,
  staffId: string,
  service: SecondaryService,
  now: Instant,
): CaseResult<CareTeamChanged> => {
  assertOpenForChanges(current);
  const id = parseOrThrow(IdSchema, staffId, 'staff id');
  const validService = parseOrThrow(SecondaryServiceSchema, service, 'service');
  if (activePrimary(current) === id) throw new CareTeamChangeError('staff-is-primary');
  if (activeSecondaries(current).some((s) => s.staffId === id && s.service === validService)) {
    throw new CareTeamChangeError('already-assigned-to-service');
  }
  const at = now.toString();
  const careTeam: CareTeamAssignment[] = [
    ...current.careTeam,
    { role: 'secondary', staffId: id, service: validService, from: at },
  ];
  return changed(current, careTeam, { kind: 'secondary-added', staffId: id, service: validService }, at);
};

/** Ends a secondary case manager's assignment to one service. */
export const removeSecondary = (
  current: Case,
  staffId: string,
  service: SecondaryService,
  now: Instant,
): CaseResult<CareTeamChanged> => {
  assertOpenForChanges(current);
  const isTarget = (a: CareTeamAssignment): boolean =>
    isActive(a) && a.role === 'secondary' && a.staffId === staffId && a.service === service;
  if (!current.careTeam.some(isTarget)) throw new CareTeamChangeError('not-assigned-to-service');
  const at = now.toString();
  const careTeam = current.careTeam.map((a) => (isTarget(a) ? { ...a, until: at } : a));
  return changed(current, careTeam, { kind: 'secondary-removed', staffId, service }, at);
};
