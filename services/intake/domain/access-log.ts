/** One line of a partner's access log: who (organisation and role), what kind of record, which action. */
export interface AccessLogEntry {
  readonly at: string;
  readonly organisation: string;
  readonly practiceId?: string;
  readonly role: string;
  readonly record: string;
  readonly action: 'read' | 'create' | 'update' | 'delete';
}

/** Path segments that name a step on a record rather than the record itself. */
const STEPS = new Set([
  'acknowledge',
  'resolve',
  'complete',
  'cancel',
  'void',
  'close',
  'status',
  'disable',
  'finalize',
  'from-template',
]);

/**
 * The kind of record a route reaches, `<service>/<collection>`: the last collection in its
 * template that is not a step, e.g. `/v1/patients/{patientId}/risk-flags/{flagId}/resolve` →
 * `outreach/risk-flags`.
 */
export function recordKindOf(service: string, routeTemplate: string): string {
  const names = routeTemplate
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'v1' && !segment.startsWith('{'))
    .filter((segment) => !STEPS.has(segment));
  return `${service}/${names.at(-1) ?? 'record'}`;
}

const ACTIONS: Readonly<Record<string, AccessLogEntry['action']>> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

/**
 * What a partner may see of one access to its member's records: nothing of who the person is or
 * what was in the record. Refused requests reached nothing and are left out.
 */
export function accessLogEntryOf(
  tenantId: string,
  access: {
    role: string;
    practiceId?: string | undefined;
    service: string;
    method: string;
    routeTemplate: string;
    status: number;
    at: string;
  },
): AccessLogEntry | undefined {
  if (access.status >= 400) return undefined;
  const steps = access.routeTemplate.split('/').filter((segment) => STEPS.has(segment));
  const action = steps.length > 0 ? 'update' : (ACTIONS[access.method] ?? 'read');
  return {
    at: access.at,
    organisation: tenantId,
    ...(access.practiceId ? { practiceId: access.practiceId } : {}),
    role: access.role,
    record: recordKindOf(access.service, access.routeTemplate),
    action,
  };
}
