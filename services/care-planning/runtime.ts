import { createServiceRuntime } from '@carelink/lambda-kit';
import { composeCarePlanning } from './compose';

/** The care-planning composition root: one runtime per process and the service built on it. */
export const carePlanning = composeCarePlanning(createServiceRuntime('care-planning'));
