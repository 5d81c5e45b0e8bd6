import { type App, Aspects, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';
import { Guardrails } from './aspects/guardrails';

/** The cdk-nag packs Carelink must pass: AWS Solutions, HIPAA Security and Serverless. */
export function compliancePacks(): (IPolicyValidationPlugin & {
  validateScope: AwsSolutionsChecks['validateScope'];
})[] {
  return [new AwsSolutionsChecks(), new HIPAASecurityChecks(), new ServerlessChecks()];
}

/** Runs the nag packs at synth (any unacknowledged finding fails it) and the platform guardrails. */
export function applyCompliance(app: App): void {
  Aspects.of(app).add(new Guardrails());
  Validations.of(app).addPlugins(...compliancePacks());
}
