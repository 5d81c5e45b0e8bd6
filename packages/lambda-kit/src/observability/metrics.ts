import type { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * CloudWatch EMF metrics under one namespace; dimensions are service names, never patient data.
 * Metrics' own warnings (e.g. "no application metrics to publish" when an invocation added none)
 * go to the service logger at debug level instead of the console.
 */
export function createMetrics(serviceName: string, logger?: Logger): Metrics {
  return new Metrics({
    namespace: 'Carelink',
    serviceName,
    ...(logger
      ? {
          logger: {
            debug: (...args: unknown[]) => logger.debug(String(args[0])),
            info: (...args: unknown[]) => logger.info(String(args[0])),
            warn: (...args: unknown[]) => logger.debug(String(args[0])),
            error: (...args: unknown[]) => logger.error(String(args[0])),
          },
        }
      : {}),
  });
}
export type { Metrics };
export { MetricUnit };
