import { parseInstant } from '@carelink/calendar';
import * as z from 'zod/mini';

/**
 * An ISO date-time with `Z` or an offset, read as its canonical UTC instant (an `Instant` already
 * is one). Date-times without an offset are rejected because their meaning depends on a time zone.
 */
export const InstantSchema = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value) => parseInstant(value)),
);
