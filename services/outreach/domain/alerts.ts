import type { AlertResolution, AlertStatus } from '@carelink/contracts';
import { AlertTransitionError } from './errors';

/** Who did a step and when (an instant as ISO text). */
export interface Stamp {
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

/**
 * Where a risk flag or an escalation stands. Acknowledged means a named person owns it (paging
 * stops); resolved means it is done and leaves every worklist.
 */
export interface AlertState {
  readonly status: AlertStatus;
  readonly acknowledged?: Stamp;
  readonly resolved?: Stamp & { readonly resolution: AlertResolution };
}

/** `open → acknowledged`; anything else is a conflict with the current status. */
export function acknowledgeAlert(state: AlertState, stamp: Stamp): AlertState {
  if (state.status !== 'open') throw new AlertTransitionError(state.status, 'acknowledged');
  return { ...state, status: 'acknowledged', acknowledged: stamp };
}

/**
 * `open | acknowledged → resolved`. Resolving an open item acknowledges it in the same step, so
 * the record always says who took it on.
 */
export function resolveAlert(state: AlertState, stamp: Stamp & { resolution: AlertResolution }): AlertState {
  if (state.status === 'resolved') throw new AlertTransitionError(state.status, 'resolved');
  return {
    ...state,
    status: 'resolved',
    acknowledged: state.acknowledged ?? { by: stamp.by, at: stamp.at },
    resolved: stamp,
  };
}
