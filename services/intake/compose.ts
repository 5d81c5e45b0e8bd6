import { allowLoopbackWebhooksVariable, type ServiceRuntime } from '@carelink/lambda-kit';
import { type ResolveHost, resolveHost } from './adapters/address-resolver';
import { type PatientKeys, secretsManagerPatientKeys } from './adapters/patient-keys';
import { createHttpWebhookSender, type WebhookSender } from './adapters/webhook-sender';
import { createAccessLog } from './app/access-log';
import { createCommunityLoop } from './app/community-loop';
import { createReferrals } from './app/referrals';
import { createWebhookDispatch, type WebhookDispatch } from './app/webhook-dispatch';
import { createWebhookTargets } from './app/webhook-targets';
import { createWebhooks } from './app/webhooks';
import { createAccessLogStore } from './store/access-log-store';
import { createNetworkStore, type NetworkStore } from './store/network-store';
import { createReferralStore } from './store/referral-store';
import { createWebhookStore } from './store/webhook-store';

export interface IntakeOverrides {
  sender?: WebhookSender;
  resolveHost?: ResolveHost;
  random?: () => number;
  allowLoopbackWebhooks?: boolean;
  patientKeys?: PatientKeys;
}

// Each part builds only what its functions call, so a referral route carries no webhook sender and a
// webhook route no referral routing (runtime.ts builds the parts one by one).

/** The partner's referrals, routed through the partner network intake keeps from the directory. */
export function composeReferrals(
  runtime: ServiceRuntime,
  overrides: IntakeOverrides = {},
  network: NetworkStore = createNetworkStore(runtime),
) {
  return createReferrals({
    runtime,
    referrals: createReferralStore(runtime),
    network,
    patientKeys: overrides.patientKeys ?? secretsManagerPatientKeys(process.env.PATIENT_KEY_SECRET_ID),
  });
}

/** Who accessed a referred member's records, read through the partner's own referral. */
export function composeAccessLog(runtime: ServiceRuntime, referrals = composeReferrals(runtime)) {
  return createAccessLog(createAccessLogStore(runtime), referrals);
}

/** The partner's webhook subscriptions; a new URL is vetted as every delivery's is. */
export function composeWebhooks(runtime: ServiceRuntime, overrides: IntakeOverrides = {}) {
  return createWebhooks(runtime, createWebhookStore(runtime), webhookTargets(overrides));
}

/** Deliveries of status changes to the partners' webhooks, and their retries. */
export function composeWebhookDispatch(runtime: ServiceRuntime, overrides: IntakeOverrides = {}) {
  return createWebhookDispatch({
    runtime,
    webhooks: createWebhookStore(runtime),
    sender: overrides.sender ?? createHttpWebhookSender(),
    vet: webhookTargets(overrides),
    random: overrides.random ?? Math.random,
  });
}

/** Community-referral steps forwarded to the webhooks of the partner that referred the patient. */
export function composeCommunityLoop(
  runtime: ServiceRuntime,
  dispatch: WebhookDispatch = composeWebhookDispatch(runtime),
) {
  return createCommunityLoop(createReferralStore(runtime), dispatch);
}

function webhookTargets(overrides: IntakeOverrides) {
  return createWebhookTargets(overrides.resolveHost ?? resolveHost, {
    allowLoopback: overrides.allowLoopbackWebhooks ?? process.env[allowLoopbackWebhooksVariable] === 'true',
  });
}

/** Builds intake's stores, adapters and use cases on a runtime (tests, the local cloud). */
export function composeIntake(runtime: ServiceRuntime, overrides: IntakeOverrides = {}) {
  const network = createNetworkStore(runtime);
  const referrals = composeReferrals(runtime, overrides, network);
  const dispatch = composeWebhookDispatch(runtime, overrides);
  return {
    runtime,
    network,
    referrals,
    accessLog: composeAccessLog(runtime, referrals),
    webhooks: composeWebhooks(runtime, overrides),
    dispatch,
    communityLoop: composeCommunityLoop(runtime, dispatch),
  };
}

export type Intake = ReturnType<typeof composeIntake>;
