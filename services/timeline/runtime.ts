import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeTimeline } from './compose';

/** The timeline composition root: one runtime per process and the service built on it. */
export const timeline = composeTimeline(createServiceRuntime('timeline'));
