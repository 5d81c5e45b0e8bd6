import { InvalidInputError, ValidationError } from '@carelink/contracts';

/** Request fields of each consent domain path, so problems point at what the caller sent. */
const requestPath: Record<string, string> = {
  billingPractitionerId: 'billingPractitionerNpi',
  'discussed.rightToStopAnyTime': 'rightToStopAnyTime',
  'discussed.onlyOnePractitionerBillsPerMonth': 'onlyOnePractitionerBillsPerMonth',
  'discussed.costSharingExplained': 'costSharingExplained',
};

/**
 * Every other eligibility error names its own problem; invalid domain input is the one that speaks
 * in domain paths, renamed here to the request fields the caller sent.
 */
export function mapError(error: unknown): Error | undefined {
  if (!(error instanceof InvalidInputError)) return undefined;
  return new ValidationError(
    'The request is not valid',
    error.fields.map(({ path }) => ({ path: requestPath[path] ?? path, code: 'invalid' })),
  );
}
