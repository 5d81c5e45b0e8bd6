import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceManifest } from '@carelink/contracts';
import { type BuildOptions, build } from 'esbuild';
import { serviceManifests } from '../../services/manifests';
import { esbuildTarget, esmRequireBanner, externalModules } from '../constructs/bundling';
import { outboxRelayEntry } from '../constructs/service';

/** Size every handler bundle should stay under: cold starts grow with the code Lambda must load. */
export const targetKilobytes = 150;

export interface BundleTarget {
  readonly service: string;
  readonly kind: 'route' | 'subscription' | 'schedule' | 'trigger' | 'relay';
  readonly handler: string;
  readonly entry: string;
}

export interface BundleSize extends BundleTarget {
  readonly bytes: number;
  readonly kilobytes: number;
  readonly withinTarget: boolean;
  /** The three packages (or workspace folders) that put the most bytes in the bundle. */
  readonly biggest: readonly { readonly name: string; readonly kilobytes: number }[];
}

/** Who owns a bundled input: its npm package, else its workspace folder (`packages/contracts`). */
export function ownerOf(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = input.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? input);
  }
  const parts = input.split('/').filter((part) => part !== '..' && part !== '.');
  return parts.slice(0, 2).join('/');
}

/** The packages contributing most bytes to an output, biggest first. */
export function biggestContributors(
  inputs: Readonly<Record<string, { bytesInOutput: number }>>,
  count = 3,
): { name: string; kilobytes: number }[] {
  const byOwner = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(inputs))
    byOwner.set(ownerOf(input), (byOwner.get(ownerOf(input)) ?? 0) + bytesInOutput);
  return [...byOwner.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => ({ name, kilobytes: Math.round((bytes / 1024) * 10) / 10 }));
}

/** The esbuild options NodejsFunction uses for Carelink functions (see constructs/bundling.ts). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: esbuildTarget,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: [...externalModules],
    mainFields: ['module', 'main'],
    banner: { js: esmRequireBanner },
    logLevel: 'silent',
  };
}

/** Every function the manifests deploy (one per route handler, subscription, schedule and trigger) and the relay. */
export function bundleTargets(manifests: readonly ServiceManifest[]): BundleTarget[] {
  const targets: BundleTarget[] = [];
  for (const manifest of manifests) {
    const entry = (handler: string) => join(manifest.dir, handler);
    for (const handler of new Set(manifest.routes.map((route) => route.handler))) {
      targets.push({ service: manifest.name, kind: 'route', handler, entry: entry(handler) });
    }
    for (const subscription of manifest.subscriptions) {
      const { handler } = subscription;
      targets.push({ service: manifest.name, kind: 'subscription', handler, entry: entry(handler) });
    }
    for (const schedule of manifest.schedules) {
      targets.push({
        service: manifest.name,
        kind: 'schedule',
        handler: schedule.handler,
        entry: entry(schedule.handler),
      });
    }
    const trigger = manifest.identityTriggers?.preTokenGeneration;
    if (trigger)
      targets.push({ service: manifest.name, kind: 'trigger', handler: trigger, entry: entry(trigger) });
  }
  targets.push({
    service: '(every service)',
    kind: 'relay',
    handler: 'outbox-relay',
    entry: outboxRelayEntry,
  });
  return targets;
}

/** Bundles one entry like NodejsFunction would and returns the size of the code (source map excluded). */
export async function measureBundle(entry: string, outdir: string): Promise<number> {
  return (await analyseBundle(entry, outdir)).bytes;
}

/** Bundles one entry and returns its size and its biggest contributors (from esbuild's metafile). */
export async function analyseBundle(
  entry: string,
  outdir: string,
): Promise<{ bytes: number; biggest: { name: string; kilobytes: number }[] }> {
  const outfile = join(outdir, 'index.mjs');
  const result = await build({ ...esbuildOptions(entry, outfile), metafile: true });
  const output = Object.entries(result.metafile?.outputs ?? {}).find(([path]) =>
    path.endsWith('index.mjs'),
  )?.[1];
  return { bytes: (await stat(outfile)).size, biggest: biggestContributors(output?.inputs ?? {}) };
}

/** Measures the bundles of the given targets (each in its own temporary folder, removed afterwards). */
export async function measureBundles(targets: readonly BundleTarget[]): Promise<BundleSize[]> {
  const root = await mkdtemp(join(tmpdir(), 'carelink-bundles-'));
  try {
    return await Promise.all(
      targets.map(async (target, index) => {
        const { bytes, biggest } = await analyseBundle(target.entry, join(root, String(index)));
        const kilobytes = Math.round((bytes / 1024) * 10) / 10;
        return { ...target, bytes, kilobytes, withinTarget: kilobytes <= targetKilobytes, biggest };
      }),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function formatTable(sizes: readonly BundleSize[]): string {
  const rows = sizes.map((size) => [
    size.service,
    size.kind,
    size.handler,
    size.kilobytes.toFixed(1),
    size.withinTarget ? 'ok' : `over ${targetKilobytes} KB`,
    size.biggest.map((b) => `${b.name} ${b.kilobytes}`).join(', '),
  ]);
  const header = ['service', 'kind', 'handler', 'KB', `target ${targetKilobytes} KB`, 'biggest (KB)'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  try {
    const sizes = await measureBundles(bundleTargets(serviceManifests));
    console.log(formatTable(sizes));
    const over = sizes.filter((size) => !size.withinTarget).length;
    if (over > 0) console.log(`\n${over} bundle(s) over the ${targetKilobytes} KB target`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
