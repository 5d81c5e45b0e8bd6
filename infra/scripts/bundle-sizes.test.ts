import { describe, expect, it } from 'vitest';
import { fixtureManifests } from '../test-fixtures/manifests';
import { bundleTargets, formatTable, measureBundles, targetKilobytes } from './bundle-sizes';

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
