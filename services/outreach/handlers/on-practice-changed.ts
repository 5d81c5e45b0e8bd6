import { practiceProjectionConsumer } from '@carelink/lambda-kit';
import { outreach } from '../runtime';

/** Keeps outreach's projection of the directory's practices. */
export const handler = practiceProjectionConsumer(outreach.runtime, outreach.practices);
