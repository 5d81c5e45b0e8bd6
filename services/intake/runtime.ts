import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeIntake } from './compose';

/** The intake composition root: one runtime per process and the service built on it. */
export const intake = composeIntake(createServiceRuntime('intake'));
