import { createServiceRuntime, httpHandler, ok } from '@carelink/lambda-kit';
import { readNotesRoute } from '../manifest';

const runtime = createServiceRuntime('intake');

/**
 * Answers with personal data, which the access record must never carry. A partner reads a member it
 * referred to acme-health, so its access is recorded in that tenant's trail.
 */
export const handler = httpHandler(runtime, readNotesRoute, async ({ params, principal }) => ({
  ...ok({ patientId: params.patientId, name: 'Maria Lopez', notes: ['Discharged after CHF exacerbation'] }),
  ...(principal.kind === 'partner' ? { auditTenantId: 'acme-health' } : {}),
}));
