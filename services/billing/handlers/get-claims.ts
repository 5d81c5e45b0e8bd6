import { getClaimsRoute } from '@carelink/contracts/api/billing/claims';
import { httpHandler, ok, text } from '@carelink/lambda-kit';
import { staffScope } from '../app/staff-scope';
import { claimExports, runtime } from '../runtime';

export const handler = httpHandler(runtime, getClaimsRoute, async ({ params, query, principal }) => {
  const claims = await claimExports.claims(staffScope(principal), params.runId, query.format);
  const extension = { json: 'json', csv: 'csv', fhir: 'json', x12: 'x12' }[query.format];
  const disposition = { 'content-disposition': `attachment; filename="claims-${params.runId}.${extension}"` };
  if (claims.format === 'csv') return text(claims.body, 'text/csv; charset=utf-8', disposition);
  if (claims.format === 'x12') return text(claims.body, 'application/edi-x12', disposition);
  if (claims.format === 'fhir') return ok(claims.body, { 'content-type': 'application/fhir+json' });
  return ok(claims.body);
});
