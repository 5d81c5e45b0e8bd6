import { createServiceRuntime, httpHandler, ok } from '@carelink/lambda-kit';
import { readNotesRoute } from '../manifest';

const runtime = createServiceRuntime('intake');

/** Answers with personal data, which the access record must never carry. */
export const handler = httpHandler(runtime, readNotesRoute, async ({ params }) =>
  ok({ patientId: params.patientId, name: 'Maria Lopez', notes: ['Discharged after CHF exacerbation'] }),
);
