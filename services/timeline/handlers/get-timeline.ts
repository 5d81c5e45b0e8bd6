import { getPatientTimelineRoute } from '@carelink/contracts/api/timeline';
import { decodeCursor, httpHandler, ok, ValidationError } from '@carelink/lambda-kit';
import { timelineResource } from '../app/views';
import { timeline } from '../runtime';

export const handler = httpHandler(
  timeline.runtime,
  getPatientTimelineRoute,
  async ({ params, query, principal }) => {
    // Tenant and practice come from the token only.
    const startKey = decodeCursor(principal.tenantId, query.cursor);
    if (startKey === null) throw new ValidationError('Unknown cursor', [{ path: 'cursor', code: 'invalid' }]);
    const page = await timeline.timeline.read(
      { tenantId: principal.tenantId, practiceId: principal.practiceId },
      params.patientId,
      query.limit,
      startKey,
    );
    return ok(timelineResource(principal.tenantId, page));
  },
);
