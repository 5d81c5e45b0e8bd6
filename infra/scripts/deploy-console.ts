import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Publishes the care-team console to its stage (after `cdk deploy` of `carelink-<stage>-console`):
 *   npm run deploy:console -- --stage dev
 * Builds it, writes `console-config.json` from the stack's outputs (Cognito endpoints, client id,
 * API URL), uploads both to the private bucket and invalidates the distribution. Uses the AWS CLI with
 * the caller's credentials.
 */
const { values } = parseArgs({ options: { stage: { type: 'string', default: 'dev' } } });
const stack = `carelink-${values.stage}-console`;
const aws = (...args: string[]) =>
  execFileSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const outputs = Object.fromEntries(
  (
    JSON.parse(aws('cloudformation', 'describe-stacks', '--stack-name', stack, '--output', 'json')) as {
      Stacks: { Outputs: { OutputKey: string; OutputValue: string }[] }[];
    }
  ).Stacks[0]?.Outputs.map((o) => [o.OutputKey, o.OutputValue]) ?? [],
);
for (const name of ['ConsoleBucket', 'ConsoleDistributionId', 'ConsoleConfig'])
  if (!outputs[name]) throw new Error(`${stack} has no output ${name}: deploy the stack first`);

const root = join(import.meta.dirname, '../..');
execFileSync('npm', ['run', 'build:console'], { cwd: root, stdio: 'inherit' });
const dist = join(root, 'packages/console/dist');
writeFileSync(join(dist, 'console-config.json'), outputs.ConsoleConfig as string);

const bucket = `s3://${outputs.ConsoleBucket}`;
// Hashed assets first and cached for a year; then the pages and the config, never cached.
aws(
  's3',
  'sync',
  join(dist, 'assets'),
  `${bucket}/assets`,
  '--cache-control',
  'public, max-age=31536000, immutable',
);
aws('s3', 'sync', dist, bucket, '--exclude', 'assets/*', '--cache-control', 'no-cache', '--delete');
aws(
  'cloudfront',
  'create-invalidation',
  '--distribution-id',
  outputs.ConsoleDistributionId as string,
  '--paths',
  '/*',
);
console.log(`console published to ${stack}`);
