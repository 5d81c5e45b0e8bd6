import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tableNameVariable } from '@carelink/lambda-kit';
import {
  analyseBundle,
  bundleTargets,
  measureBundle,
  targetKilobytes,
} from '../../infra/scripts/bundle-sizes';
import { serviceManifests } from '../../services/manifests';
import { type Figure, figure } from '../figure';

const root = resolve(import.meta.dirname, '../..');

/** Environment a function starts with (names only matter: nothing is called during init). */
const initEnv = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  EVENT_BUS_NAME: 'bench-bus',
  POWERTOOLS_METRICS_DISABLED: 'true',
  ...Object.fromEntries(serviceManifests.map((m) => [tableNameVariable(m.name), `bench-${m.name}`])),
};

/** Milliseconds to import a module and run its init in a fresh Node process (median of runs). */
function initMs(file: string, runs = 3): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`,
      ],
      { env: initEnv, encoding: 'utf8', cwd: root },
    );
    samples.push(Number(out.trim().split('\n').pop()));
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
}

/**
 * Cold start proxy: every function's bundle (built as NodejsFunction builds it, SDK external) by size,
 * and the time to import it and run its init in a fresh Node process, against an empty handler that
 * only creates the DynamoDB document client (the SDK load every function pays on Lambda as well).
 */
export async function bundleFigures(): Promise<Figure[]> {
  // Bundles live inside the repository so the externals (@aws-sdk/*) resolve as on Lambda's runtime.
  const outdir = join(root, '.carelink/bench-bundles');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  try {
    // The floor every function pays on Lambda too: the runtime's AWS SDK and a DynamoDB client.
    const emptySource = join(outdir, 'empty.ts');
    await writeFile(
      emptySource,
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n" +
        'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n' +
        'export const handler = async () => ({ ok: db !== undefined });\n',
    );
    await measureBundle(emptySource, join(outdir, 'empty'));
    const empty = initMs(join(outdir, 'empty', 'index.mjs'), 5);
    const figures: Figure[] = [];
    const targets = bundleTargets(serviceManifests);
    for (const [index, target] of targets.entries()) {
      const dir = join(outdir, String(index));
      const { bytes, biggest } = await analyseBundle(target.entry, dir);
      const kilobytes = bytes / 1024;
      const init = initMs(join(dir, 'index.mjs'));
      const name = `${target.service}/${target.handler.replace(/^handlers\//, '').replace(/\.ts$/, '')}`;
      figures.push(
        figure({
          figure: `bundle: ${name}`,
          value: init,
          unit: `ms init, ${kilobytes.toFixed(0)} KB`,
          baseline: empty,
          baselineLabel: 'empty handler with the SDK client',
          target: `<= ${targetKilobytes} KB and init <= 2x empty + 50 ms`,
          pass: kilobytes <= targetKilobytes && init <= 2 * empty + 50,
          note: `biggest: ${biggest.map((b) => `${b.name} ${b.kilobytes} KB`).join(', ')}`,
        }),
      );
    }
    return figures;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
