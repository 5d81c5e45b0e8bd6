import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeDirectory } from './compose';

/** The directory composition root: one runtime per process and the service built on it. */
export const directory = composeDirectory(createServiceRuntime('directory'));
