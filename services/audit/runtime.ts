import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeAudit } from './compose';

/** The audit composition root: one runtime per process and the service built on it. */
export const audit = composeAudit(createServiceRuntime('audit'));
