import * as z from 'zod/mini';
import { EventMetadata } from './envelope';
import type { EventContract } from './event-contract';

/** JSON Schema (draft 2020-12) of an event's full detail: `{ metadata, data }`. */
export function eventDetailJsonSchema(contract: EventContract): Record<string, unknown> {
  const detail = z.object({ metadata: EventMetadata, data: contract.data });
  return {
    ...z.toJSONSchema(detail, { target: 'draft-2020-12', io: 'input' }),
    title: `${contract.detailType} v${contract.version}`,
    description: contract.description,
    'x-source': contract.source,
    'x-detail-type': contract.detailType,
    'x-event-version': contract.version,
  };
}
