import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** CloudWatch EMF metrics under one namespace; dimensions are service names, never patient data. */
export function createMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace: 'Carelink', serviceName });
}
export type { Metrics };
export { MetricUnit };
