import { App, Aspects, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { functionArchitecture, functionRuntime } from '../constructs/service-function';
import { fixtureManifests } from '../test-fixtures/manifests';
import { synthesizeCarelink } from '../test-fixtures/synth';
import { Guardrails, guardrailIds, markAsDeadLetterQueue } from './guardrails';

function guardedStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'Guarded');
  Aspects.of(app).add(new Guardrails());
  return stack;
}

function errorsOf(stack: Stack, id: string) {
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp(id));
}

describe('Guardrails', { timeout: 15_000 }, () => {
  it('rejects a queue that neither has a dead-letter queue nor is one', () => {
    const stack = guardedStack();
    new sqs.Queue(stack, 'Orphan');
    const errors = errorsOf(stack, guardrailIds.queueWithoutDeadLetterQueue);
    expect(errors.map((e) => e.id)).toEqual(['/Guarded/Orphan/Resource']);
  });

  it('accepts a queue with a redrive policy, its dead-letter queue, and a queue marked as a DLQ', () => {
    const stack = guardedStack();
    const dlq = new sqs.Queue(stack, 'Dlq');
    new sqs.Queue(stack, 'Work', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
    markAsDeadLetterQueue(new sqs.Queue(stack, 'Failures'));
    expect(errorsOf(stack, guardrailIds.queueWithoutDeadLetterQueue)).toEqual([]);
  });

  it('rejects log groups without retention or the KMS key', () => {
    const stack = guardedStack();
    const key = new kms.Key(stack, 'Key');
    new logs.LogGroup(stack, 'Forever', { retention: logs.RetentionDays.INFINITE, encryptionKey: key });
    new logs.LogGroup(stack, 'Plain', { retention: logs.RetentionDays.ONE_YEAR });
    new logs.LogGroup(stack, 'Good', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
    const errors = errorsOf(stack, guardrailIds.logGroupUnprotected).map((e) => e.id);
    expect(errors.sort()).toEqual(['/Guarded/Forever/Resource', '/Guarded/Plain/Resource']);
  });

  it('rejects functions off the platform runtime, architecture or tracing', () => {
    const stack = guardedStack();
    const code = lambda.Code.fromInline('export const handler = async () => 1;');
    const base = { code, handler: 'index.handler', timeout: Duration.seconds(3) };
    new lambda.Function(stack, 'Old', {
      ...base,
      runtime: lambda.Runtime.NODEJS_20_X,
      architecture: functionArchitecture,
      tracing: lambda.Tracing.ACTIVE,
    });
    new lambda.Function(stack, 'X86', { ...base, runtime: functionRuntime, tracing: lambda.Tracing.ACTIVE });
    new lambda.Function(stack, 'Untraced', {
      ...base,
      runtime: functionRuntime,
      architecture: functionArchitecture,
    });
    new lambda.Function(stack, 'Good', {
      ...base,
      runtime: functionRuntime,
      architecture: functionArchitecture,
      tracing: lambda.Tracing.ACTIVE,
    });
    const errors = errorsOf(stack, guardrailIds.functionDefaults).map((e) => e.id);
    expect(errors.sort()).toEqual([
      '/Guarded/Old/Resource',
      '/Guarded/Untraced/Resource',
      '/Guarded/X86/Resource',
    ]);
  });

  it('finds nothing to reject in the Carelink stacks', () => {
    const { platform, api, services } = synthesizeCarelink(fixtureManifests);
    for (const stack of [platform, ...(api ? [api] : []), ...services.values()]) {
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    }
  }, 30_000);
});
