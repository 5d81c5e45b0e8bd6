import { Temporal } from 'temporal-polyfill';
import * as z from 'zod/mini';

/**
 * An instant given either as a `Temporal.Instant` or as an ISO date-time with `Z` or an offset.
 * Date-times without an offset are rejected because their meaning depends on a time zone.
 */
export const InstantSchema = z.union([
  z.instanceof(Temporal.Instant),
  z.pipe(
    z.iso.datetime({ offset: true }),
    z.transform((value) => Temporal.Instant.from(value)),
  ),
]);
