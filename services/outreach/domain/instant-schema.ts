import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';

/**
 * An instant given either as a `Temporal.Instant` or as an ISO date-time with `Z` or an offset.
 * Date-times without an offset are rejected because their meaning depends on a time zone.
 */
export const InstantSchema = z.union([
  z.instanceof(Temporal.Instant),
  z.iso.datetime({ offset: true }).transform((value) => Temporal.Instant.from(value)),
]);
