import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { invocationKeys, withLogScope } from '../observability/log-scope';
import { MetricUnit } from '../observability/metrics';
import type { ServiceRuntime } from '../runtime';

/** What EventBridge Scheduler passes (the target input Carelink configures). */
export interface ScheduledInvocation {
  schedule: string;
  /** Scheduler's `<aws.scheduler.scheduled-time>`: the intended fire time, not the delivery time. */
  scheduledTime?: string;
}

/**
 * Handler for EventBridge Scheduler targets. The scheduled time is the business "now" of the run, so
 * a late or retried delivery still acts on the period it was meant for.
 */
export function scheduledHandler<R>(
  runtime: ServiceRuntime,
  name: string,
  handle: (invocation: { schedule: string; scheduledTime: Date }) => Promise<R>,
): middy.MiddyfiedHandler<ScheduledInvocation, R, Error, Context> {
  return middy<ScheduledInvocation, R>()
    .use(logMetrics(runtime.metrics))
    .handler(async (invocation, context) => {
      const scheduledTime = invocation?.scheduledTime ? new Date(invocation.scheduledTime) : runtime.clock();
      const when = Number.isNaN(scheduledTime.getTime()) ? runtime.clock() : scheduledTime;
      return withLogScope(
        { ...invocationKeys(context), schedule: name, scheduledTime: when.toISOString() },
        () => {
          runtime.metrics.addMetric('ScheduledRun', MetricUnit.Count, 1);
          return handle({ schedule: name, scheduledTime: when });
        },
      );
    });
}
