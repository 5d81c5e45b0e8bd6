import { App } from 'aws-cdk-lib';
import { defineCarelink } from '../carelink';
import { applyCompliance } from '../compliance';
import { loadStage } from '../config/stages';
import { featureFlags } from '../feature-flags';
import { fixtureManifests } from '../test-fixtures/manifests';

/**
 * The Carelink app over the infra fixture services, bundling for real: proves a full synth (esbuild,
 * nag, guardrails) before any service is registered.
 * `npx cdk synth --app "npx tsx infra/bin/fixture-app.ts" -c stage=prod -o cdk.out/fixture`
 */
const app = new App({ context: { ...featureFlags } });
defineCarelink(app, {
  stage: loadStage(app.node.tryGetContext('stage')),
  manifests: fixtureManifests,
});
applyCompliance(app);
app.synth();
