import { eventConsumer } from '@carelink/lambda-kit';
import { ledgerEvents } from '../app/ledger-events';
import { projectLedger, runtime } from '../runtime';

/** Keeps patient facts and patient-month ledgers current; each event applies once. */
export const handler = eventConsumer(runtime, {
  name: 'billing-ledger',
  contracts: ledgerEvents,
  handle: (event) => projectLedger(event),
});
