import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** A subscription queue whose oldest message is older than this is not keeping up. */
export const maxMessageAge = Duration.minutes(15);

/** CloudWatch math expressions take at most ten metrics; larger services get several 5xx alarms. */
const metricsPerExpression = 10;

export interface ServiceAlarmsProps {
  readonly service: string;
  readonly topic: sns.ITopic;
}

/** The alarms of one service, all notifying the platform alarm topic (alarm and recovery). */
export class ServiceAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: actions.SnsAction;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServiceAlarmsProps,
  ) {
    super(scope, id);
    this.action = new actions.SnsAction(props.topic);
  }

  /** Anything in a dead-letter queue needs a person: alarm at the first message. */
  deadLetterDepth(id: string, queue: sqs.IQueue): void {
    this.add(id, `${this.props.service}: messages in dead-letter queue ${queue.queueName}`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  oldestMessageAge(id: string, queue: sqs.IQueue): void {
    this.add(id, `${this.props.service}: oldest message in ${queue.queueName} waited too long`, {
      metric: queue.metricApproximateAgeOfOldestMessage({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: maxMessageAge.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
    });
  }

  functionHealth(id: string, fn: lambda.IFunction): void {
    this.add(`${id}Errors`, `${this.props.service}: ${id} function errors`, {
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.add(`${id}Throttles`, `${this.props.service}: ${id} function throttled`, {
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  /** 5xx answers of the service's API methods (per-method metrics are enabled on the stage). */
  api5xx(metrics: readonly cloudwatch.IMetric[]): void {
    for (let start = 0; start < metrics.length; start += metricsPerExpression) {
      const chunk = metrics.slice(start, start + metricsPerExpression);
      const usingMetrics = Object.fromEntries(chunk.map((metric, index) => [`m${index}`, metric]));
      const part = start / metricsPerExpression;
      this.add(`Api5xx${part === 0 ? '' : part}`, `${this.props.service}: API answered 5xx`, {
        metric: new cloudwatch.MathExpression({
          expression: `SUM([${Object.keys(usingMetrics).join(',')}])`,
          usingMetrics,
          period: Duration.minutes(5),
          label: '5xx responses',
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
  }

  private add(
    id: string,
    description: string,
    options: Pick<cloudwatch.AlarmProps, 'metric' | 'threshold' | 'comparisonOperator'> & {
      evaluationPeriods?: number;
    },
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...options,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
  }
}
