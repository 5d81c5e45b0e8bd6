import type { AccessRecordedData, EventMetadata } from '@carelink/contracts';
import { type StateWrite, ValidationError } from '@carelink/lambda-kit';
import type * as z from 'zod/mini';
import type { AuditViewer } from '../domain/viewer';
import type { AccessTrailStore, TrailPage } from '../store/access-trail-store';

export interface TrailRequest {
  patientId?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The decoded cursor: `null` when one was sent but could not be read. */
  startKey: Record<string, unknown> | null | undefined;
  limit: number;
}

const invalidCursor = () =>
  new ValidationError('The cursor is not valid', [{ path: 'query.cursor', code: 'invalid_cursor' }]);

const utc = (instant: string | undefined) =>
  instant === undefined ? undefined : new Date(instant).toISOString();

/** The audit trail's use cases: append each recorded access once, and read it back page by page. */
export function createAccessTrail(trail: AccessTrailStore) {
  return {
    /** The write that appends one access (a redelivery finds it present: `onDuplicate` says what then). */
    record(
      metadata: EventMetadata,
      data: z.output<typeof AccessRecordedData>,
      onDuplicate: () => Error,
    ): StateWrite {
      return { ...trail.append(metadata, data), onConditionFailed: onDuplicate };
    },

    /** Newest first; a cursor is only honoured inside the partition it came from. */
    async list(viewer: AuditViewer, request: TrailRequest): Promise<TrailPage> {
      const partition = trail.partitionOf(viewer, request);
      const { startKey } = request;
      if (
        startKey === null ||
        (startKey &&
          (startKey[partition.attribute] !== partition.value ||
            typeof startKey.pk !== 'string' ||
            typeof startKey.sk !== 'string'))
      )
        throw invalidCursor();
      return trail.list(viewer, {
        patientId: request.patientId,
        subject: request.subject,
        from: utc(request.from),
        to: utc(request.to),
        startKey,
        limit: request.limit,
      });
    },
  };
}

export type AccessTrail = ReturnType<typeof createAccessTrail>;
