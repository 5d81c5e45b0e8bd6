import { createServiceRuntime } from '@carelink/lambda-kit';
import { AccessTrailStore } from './store/access-trail-store';

/** The audit composition root: one runtime per process and the trail built on it. */
export const runtime = createServiceRuntime('audit');
export const trail = new AccessTrailStore(runtime);
