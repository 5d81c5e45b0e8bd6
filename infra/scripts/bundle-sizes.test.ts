import { describe, expect, it } from 'vitest';
import { fixtureManifests } from '../test-fixtures/manifests';
import {
  biggestContributors,
  bundleTargets,
  formatTable,
  measureBundles,
  ownerOf,
  targetKilobytes,
} from './bundle-sizes';

describe('bundle sizes', () => {
  it('lists each route handler once, every subscription and schedule, and the relay', () => {
    const targets = bundleTargets(fixtureManifests);
    expect(targets.filter((t) => t.kind === 'route')).toHaveLength(3);
    expect(targets.filter((t) => t.kind === 'trigger')).toHaveLength(1);
    expect(targets.filter((t) => t.kind === 'subscription')).toHaveLength(2);
    expect(targets.filter((t) => t.kind === 'schedule')).toHaveLength(2);
    expect(targets.filter((t) => t.kind === 'relay')).toHaveLength(1);
  });

  it('bundles the relay and a fixture handler as ESM within the target', async () => {
    const targets = bundleTargets(fixtureManifests).filter((t) => t.kind === 'relay' || t.kind === 'route');
    const sizes = await measureBundles(targets.slice(0, 1).concat(targets.filter((t) => t.kind === 'relay')));
    for (const size of sizes) {
      expect(size.bytes).toBeGreaterThan(0);
      expect(size.kilobytes).toBeLessThanOrEqual(targetKilobytes);
    }
    expect(formatTable(sizes)).toContain('outbox-relay');
  }, 30_000);
});

describe('bundle contributors', () => {
  it('names npm packages and workspace folders, biggest first', () => {
    expect(ownerOf('node_modules/zod/v4/core/schemas.js')).toBe('zod');
    expect(ownerOf('../../node_modules/@aws-lambda-powertools/logger/lib/esm/Logger.js')).toBe(
      '@aws-lambda-powertools/logger',
    );
    expect(ownerOf('packages/contracts/src/primitives.ts')).toBe('packages/contracts');
    expect(
      biggestContributors(
        {
          'node_modules/zod/a.js': { bytesInOutput: 4096 },
          'node_modules/zod/b.js': { bytesInOutput: 1024 },
          'services/billing/domain/rules.ts': { bytesInOutput: 2048 },
          'node_modules/ulid/index.js': { bytesInOutput: 100 },
          'packages/lambda-kit/src/keys.ts': { bytesInOutput: 512 },
        },
        3,
      ),
    ).toEqual([
      { name: 'zod', kilobytes: 5 },
      { name: 'services/billing', kilobytes: 2 },
      { name: 'packages/lambda-kit', kilobytes: 0.5 },
    ]);
  });
});
