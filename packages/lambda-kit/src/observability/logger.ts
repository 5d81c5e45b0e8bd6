import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redact';

/**
 * The one way Carelink functions log: Powertools Logger (structured JSON, Lambda context, correlation
 * id) with PHI redaction applied to every record. Handlers log identifiers, never payloads, and event
 * logging stays off.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    jsonReplacerFn: redactingReplacer,
  });
}
export type { Logger };
