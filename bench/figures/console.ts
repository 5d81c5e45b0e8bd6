import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { type Figure, figure } from '../figure';

const BUDGET_KB = 250;

/**
 * The console's initial JavaScript: every script `index.html` loads, gzipped, as a browser downloads
 * it on first visit. The baseline is React and ReactDOM alone, built the same way in the same run.
 */
export async function consoleFigures(): Promise<Figure[]> {
  const root = join(import.meta.dirname, '../../packages/console');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const html = await readFile(join(root, 'dist/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1] as string);
  const modulePreloads = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  let gzipped = 0;
  for (const file of [...scripts, ...modulePreloads])
    gzipped += gzipSync(await readFile(join(root, 'dist', file))).length;
  const assets = await readdir(join(root, 'dist/assets'));

  const baselineOut = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, 'scripts/react-baseline.ts'), formats: ['es'], fileName: 'baseline' },
    },
  });
  const outputs = (Array.isArray(baselineOut) ? baselineOut : [baselineOut]) as {
    output: { type: string; code?: string }[];
  }[];
  const baseline = outputs
    .flatMap((o) => o.output)
    .filter((o) => o.type === 'chunk' && o.code)
    .reduce((sum, o) => sum + gzipSync(o.code as string).length, 0);
  const kb = gzipped / 1024;
  return [
    figure({
      figure: 'console: initial JavaScript (gzip)',
      value: kb,
      unit: 'KB',
      baseline: baseline / 1024,
      baselineLabel: 'React + ReactDOM alone, gzip',
      target: `<= ${BUDGET_KB} KB`,
      pass: kb <= BUDGET_KB,
      note: `${scripts.length} script(s) of ${assets.length} assets in dist/assets`,
    }),
  ];
}
