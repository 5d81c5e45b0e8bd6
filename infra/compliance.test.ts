import type { ServiceManifest } from '@carelink/contracts';
import { App, Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { serviceManifests } from '../services/manifests';
import { defineCarelink } from './carelink';
import { applyCompliance, compliancePacks } from './compliance';
import { loadStage } from './config/stages';
import { featureFlags } from './feature-flags';
import { fixtureManifests } from './test-fixtures/manifests';
import { synthesizeCarelink } from './test-fixtures/synth';

/** Synthesizing the whole app takes a few seconds on a busy machine. */
const synthTimeout = 30_000;

const cases: [string, readonly ServiceManifest[]][] = [
  ['the fixture services', fixtureManifests],
  ['the registered services', serviceManifests],
];

describe.each(cases)('cdk-nag over %s', (_label, manifests) => {
  it.each(['prod', 'dev'] as const)(
    'finds no unacknowledged error or warning in %s',
    (stage) => {
      const { app } = synthesizeCarelink(manifests, stage);
      const findings = compliancePacks().flatMap((pack) =>
        pack
          .validateScope(app)
          .violations.map(
            (v) =>
              `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
          ),
      );
      expect(findings).toEqual([]);
    },
    synthTimeout,
  );

  it(
    'acknowledges findings on resources, never on a stack or the app, and always with a reason',
    () => {
      const { app } = synthesizeCarelink(manifests);
      for (const construct of app.node.findAll()) {
        for (const entry of construct.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          expect(construct.node.scope?.node.scope, `${construct.node.path} is too wide`).toBeDefined();
          for (const reason of Object.values(entry.data as Record<string, string>)) {
            expect(reason.length).toBeGreaterThan(60);
          }
        }
      }
    },
    synthTimeout,
  );
});

describe('the CLI app', () => {
  it(
    'synthesizes with the nag packs registered as validation plugins',
    () => {
      const app = new App({ context: { ...featureFlags, 'aws:cdk:bundling-stacks': [] } });
      defineCarelink(app, { stage: loadStage('prod'), manifests: fixtureManifests });
      applyCompliance(app);
      expect(() => app.synth()).not.toThrow();
    },
    synthTimeout,
  );
});
