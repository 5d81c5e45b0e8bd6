import type { AccessRecordPageResource } from '@carelink/contracts/api/audit';
import { encodeCursor } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { TrailPage } from '../store/access-trail-store';

/** One page of the trail as `GET /v1/audit` returns it; the cursor is sealed to the tenant. */
export function accessPageResource(
  tenantId: string,
  page: TrailPage,
): z.output<typeof AccessRecordPageResource> {
  const nextCursor = encodeCursor(tenantId, page.lastKey);
  return { items: page.items, ...(nextCursor ? { nextCursor } : {}) };
}
