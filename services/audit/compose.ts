import type { ServiceRuntime } from '@carelink/lambda-kit';
import { createAccessTrail } from './app/access-trail';
import { createAccessTrailStore } from './store/access-trail-store';

/** Builds the audit service's store and use cases on a runtime (Lambda, tests). */
export function composeAudit(runtime: ServiceRuntime) {
  return { runtime, accessTrail: createAccessTrail(createAccessTrailStore(runtime)) };
}

export type Audit = ReturnType<typeof composeAudit>;
