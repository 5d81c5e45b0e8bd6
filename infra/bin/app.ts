import { App } from 'aws-cdk-lib';
import { serviceManifests } from '../../services/manifests';
import { defineCarelink } from '../carelink';
import { applyCompliance } from '../compliance';
import { loadStage } from '../config/stages';
import { featureFlags } from '../feature-flags';

const app = new App({ context: { ...featureFlags } });
const stage = loadStage(app.node.tryGetContext('stage'), {
  account: app.node.tryGetContext('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
  region: app.node.tryGetContext('region'),
});
defineCarelink(app, { stage, manifests: serviceManifests });
applyCompliance(app);
app.synth();
