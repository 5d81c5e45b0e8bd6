import { practiceProjectionConsumer } from '@carelink/lambda-kit';
import { billing } from '../runtime';

/** Keeps billing's projection of the directory's practices. */
export const handler = practiceProjectionConsumer(billing.runtime, billing.practices);
