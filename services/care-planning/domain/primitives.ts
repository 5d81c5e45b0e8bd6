import { IanaTimeZone } from '@carelink/contracts';
import * as z from 'zod/mini';

/**
 * Identifier usable as-is in FHIR ids and references (FHIR `id` grammar), so exports
 * never need to rewrite or escape it.
 */
export const IdSchema = z.string().check(z.regex(/^[A-Za-z0-9.-]{1,64}$/, 'must be a FHIR-compatible id'));

/** Identifier of an item inside a plan; short enough to prefix (`goal-`, `condition-`) and stay a FHIR id. */
export const ItemIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9.-]{1,48}$/, 'must be a short FHIR-compatible id'));

/** Calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date();

/** UTC instant such as `2026-03-01T14:00:00Z`. */
export const InstantSchema = z.iso.datetime();

/** IANA time zone name; validated against the runtime's zone database. */
export const TimeZoneSchema = IanaTimeZone;

/** Non-blank free text. */
export const TextSchema = z.string().check(z.trim(), z.minLength(1));

export { parseOrThrow } from '@carelink/contracts';
