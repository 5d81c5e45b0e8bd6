import { practiceProjectionConsumer } from '@carelink/lambda-kit';
import { carePlanning } from '../runtime';

/** Keeps care-planning's projection of the directory's practices. */
export const handler = practiceProjectionConsumer(carePlanning.runtime, carePlanning.practices);
