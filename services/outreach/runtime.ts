import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeOutreach } from './compose';

/** The outreach composition root: one runtime per process and the service built on it. */
export const outreach = composeOutreach(createServiceRuntime('outreach'));
export const { runtime, stores, messageSender, pager, now } = outreach;
