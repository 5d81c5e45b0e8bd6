import { Temporal } from 'temporal-polyfill';
import { runtime } from '../runtime';

/** The function clock as a Temporal instant (the local cloud can move it). */
export const now = (): Temporal.Instant => Temporal.Instant.fromEpochMilliseconds(runtime.clock().getTime());
