import type { ServiceManifest } from '@carelink/contracts';
import { App, Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Guardrails } from '../aspects/guardrails';
import { type Carelink, defineCarelink } from '../carelink';
import { loadStage, type StageName } from '../config/stages';
import { featureFlags } from '../feature-flags';

export interface SynthesizedCarelink extends Carelink {
  readonly app: App;
  readonly platformTemplate: Template;
  /** Template of the API stack (the manifests under test all have routes). */
  readonly apiTemplate: Template;
  /** Template of each service stack, by service name. */
  readonly serviceTemplates: ReadonlyMap<string, Template>;
}

const cache = new Map<string, SynthesizedCarelink>();

/**
 * The Carelink app for a set of manifests, with the guardrails but without bundling (tests check the templates, not the
 * bundles, and stay fast). Memoized: several test files share one synthesis.
 */
export function synthesizeCarelink(
  manifests: readonly ServiceManifest[],
  stageName: StageName = 'prod',
): SynthesizedCarelink {
  const cacheKey = `${stageName}:${manifests.map((m) => m.name).join(',')}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const app = new App({ context: { ...featureFlags, 'aws:cdk:bundling-stacks': [] } });
  const carelink = defineCarelink(app, { stage: loadStage(stageName), manifests });
  if (!carelink.api) throw new Error('the manifests under test define no route');
  // The nag packs run in the compliance test (validateScope lists findings instead of throwing).
  Aspects.of(app).add(new Guardrails());
  const result = {
    ...carelink,
    app,
    platformTemplate: Template.fromStack(carelink.platform),
    apiTemplate: Template.fromStack(carelink.api),
    serviceTemplates: new Map(
      [...carelink.services].map(([name, stack]) => [name, Template.fromStack(stack)] as const),
    ),
  };
  cache.set(cacheKey, result);
  return result;
}
