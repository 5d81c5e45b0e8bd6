import * as z from 'zod/mini';
import { PartnerId } from '../../directory/vocabulary';
import { withMeta } from '../../meta';
import { Cursor, IsoInstant } from '../../primitives';

export const tag = 'Directory';
export const operator = ['operator'] as const;
/** Practices: the operator, or a care organisation's staff admin for its own practices. */
export const operatorOrStaffAdmin = ['operator', 'tenant'] as const;

export const Version = z.int().check(z.gte(1));
export const Audit = { version: Version, createdAt: IsoInstant, updatedAt: IsoInstant };
export const PageQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});
export const page = <T extends z.ZodMiniType>(item: T, id: string, example: unknown) =>
  withMeta(z.object({ items: z.array(item), nextCursor: z.optional(z.string()) }), {
    id,
    example: { items: [example] },
  });

export const PartnerParams = z.strictObject({ partnerId: PartnerId });

export const etagHeaders = { etag: 'Its version, to send back as If-Match' };
export const createdHeaders = { location: 'Its URL', ...etagHeaders };
