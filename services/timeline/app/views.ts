import type { PatientTimelineResource } from '@carelink/contracts/api/timeline';
import { encodeCursor } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { Timeline } from './timeline';

/** The timeline page as the API returns it, with an opaque cursor bound to the tenant. */
export const timelineResource = (
  tenantId: string,
  page: Awaited<ReturnType<Timeline['read']>>,
): z.input<typeof PatientTimelineResource> => {
  const nextCursor = encodeCursor(tenantId, page.lastKey);
  return {
    patient: page.patient,
    cases: page.cases,
    items: page.items,
    ...(nextCursor ? { nextCursor } : {}),
  };
};
