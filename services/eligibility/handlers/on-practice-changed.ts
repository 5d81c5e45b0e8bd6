import { practiceProjectionConsumer } from '@carelink/lambda-kit';
import { service } from '../runtime';

/** Keeps eligibility's projection of the directory's practices. */
export const handler = practiceProjectionConsumer(service.runtime, service.practices);
