import { type Instant, instantFromEpochMs } from '@carelink/calendar';
import type { CarePlanning } from '../compose';

/** The function clock as an instant (the local cloud can move it). */
export function now(ctx: CarePlanning): Instant {
  return instantFromEpochMs(ctx.runtime.clock().getTime());
}
