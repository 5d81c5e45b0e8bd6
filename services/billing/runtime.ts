import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeBilling } from './compose';

/** The billing composition root: one runtime per process, shared by every handler module. */
export const runtime = createServiceRuntime('billing');
export const billing = composeBilling(runtime);
