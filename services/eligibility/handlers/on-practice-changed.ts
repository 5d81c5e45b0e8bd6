import { practiceProjectionConsumer } from '@carelink/lambda-kit';
import { practices, runtime } from '../runtime';

/** Keeps eligibility's projection of the directory's practices. */
export const handler = practiceProjectionConsumer(runtime, practices);
