import { Temporal } from 'temporal-polyfill';
import type { CarePlanning } from '../compose';

/** The function clock as a Temporal instant (the local cloud can move it). */
export function now(ctx: CarePlanning): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(ctx.runtime.clock().getTime());
}
