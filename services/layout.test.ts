import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceManifests } from './manifests';

/** The one service layout (docs/decisions/0005-one-service-layout.md). */
const required = [
  'README.md',
  'manifest.ts',
  'compose.ts',
  'runtime.ts',
  'handlers',
  'app',
  'domain',
  'store',
];
const optional = ['adapters', 'testing', 'cli', 'local-seed.ts'];
const readmeHeadings = ['Routes', 'Events', 'Table keys', 'Decisions', 'Tests'];
const repositoryRoot = join(import.meta.dirname, '..');
const productionRoots = ['services', 'packages', 'infra'].map((folder) => join(repositoryRoot, folder));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'cdk.out' || entry === 'dist') return [];
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sourceFiles = productionRoots.flatMap(filesUnder).filter((file) => /\.(ts|tsx)$/.test(file));
const isTestOnly = (file: string) => /\.test\.tsx?$/.test(file) || file.split(sep).includes('testing');
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);

describe.each(serviceManifests.map((manifest) => [manifest.name, manifest.dir] as const))(
  'service %s',
  (_name, dir) => {
    it('has exactly the layout every service shares', () => {
      const entries = readdirSync(dir);
      expect(entries.filter((entry) => !required.includes(entry) && !optional.includes(entry))).toEqual([]);
      expect(required.filter((entry) => !entries.includes(entry))).toEqual([]);
      expect(existsSync(join(dir, 'app', 'views.ts'))).toBe(true);
    });

    it('translates errors in app/map-error.ts when its handlers translate any', () => {
      const translates = filesUnder(join(dir, 'handlers')).some(
        (file) => !isTestOnly(file) && readFileSync(file, 'utf8').includes('mapError'),
      );
      if (translates) expect(existsSync(join(dir, 'app', 'map-error.ts'))).toBe(true);
    });

    it('publishes through app/events.ts when it publishes events', () => {
      const publishes = filesUnder(dir).some(
        (file) => !isTestOnly(file) && readFileSync(file, 'utf8').includes('emit('),
      );
      if (publishes) expect(existsSync(join(dir, 'app', 'events.ts'))).toBe(true);
    });

    it('keeps store/ below the use cases: it never imports app/ or handlers/', () => {
      const offenders = filesUnder(join(dir, 'store'))
        .filter((file) => !isTestOnly(file))
        .filter((file) => importsOf(file).some((source) => /^\.\.\/(app|handlers)(\/|$)/.test(source)))
        .map((file) => relative(repositoryRoot, file));
      expect(offenders).toEqual([]);
    });

    it('has a README with the shared headings in order', () => {
      const headings = [...readFileSync(join(dir, 'README.md'), 'utf8').matchAll(/^## (.+)$/gm)].map(
        (match) => match[1]!.trim(),
      );
      expect(headings).toEqual(readmeHeadings);
    });
  },
);

describe('repository-wide layout rules', () => {
  it('has no application/ folder', () => {
    const folders = sourceFiles.map((file) => relative(repositoryRoot, file).split(sep));
    expect(folders.filter((parts) => parts.slice(0, -1).includes('application'))).toEqual([]);
  });

  it('declares exactly one DomainError class', () => {
    const declarations = sourceFiles
      .filter((file) => !isTestOnly(file))
      .filter((file) => /class DomainError\b/.test(readFileSync(file, 'utf8')));
    expect(declarations.map((file) => relative(repositoryRoot, file))).toEqual([
      join('packages', 'contracts', 'src', 'domain-error.ts'),
    ]);
  });

  it('keeps unit tests free of module mocks and environment changes (they share modules in a worker)', () => {
    const changesShared =
      /vi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/;
    const offenders = sourceFiles
      .filter((file) => /\.test\.tsx?$/.test(file) && !/\.int\.test\.tsx?$/.test(file))
      .filter((file) => changesShared.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repositoryRoot, file));
    expect(offenders).toEqual([]);
  });

  it('never imports a testing/ folder from production code', () => {
    const offenders = sourceFiles
      .filter((file) => !isTestOnly(file))
      .filter((file) => importsOf(file).some((source) => /(^|\/)testing(\/|$)/.test(source)))
      .map((file) => relative(repositoryRoot, file));
    expect(offenders).toEqual([]);
  });

  // The polyfill put about 54 KB into every function that reached a date; packages/calendar does
  // the same work on epoch milliseconds, ISO strings and Intl. Tests still use it as the reference.
  it('never imports temporal-polyfill from production code, which keeps it a devDependency', () => {
    const offenders = sourceFiles
      .filter((file) => !isTestOnly(file))
      .filter((file) => importsOf(file).some((source) => /^temporal-polyfill(\/|$)/.test(source)))
      .map((file) => relative(repositoryRoot, file));
    expect(offenders).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('temporal-polyfill');
  });
});
