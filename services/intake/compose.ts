import { allowLoopbackWebhooksVariable, type ServiceRuntime } from '@carelink/lambda-kit';
import { type ResolveHost, resolveHost } from './adapters/address-resolver';
import { type PatientKeys, secretsManagerPatientKeys } from './adapters/patient-keys';
import { createHttpWebhookSender, type WebhookSender } from './adapters/webhook-sender';
import { createAccessLog } from './app/access-log';
import { createCommunityLoop } from './app/community-loop';
import { createReferrals } from './app/referrals';
import { createWebhookDispatch } from './app/webhook-dispatch';
import { createWebhookTargets } from './app/webhook-targets';
import { createWebhooks } from './app/webhooks';
import { createAccessLogStore } from './store/access-log-store';
import { createNetworkStore } from './store/network-store';
import { createReferralStore } from './store/referral-store';
import { createWebhookStore } from './store/webhook-store';

export interface IntakeOverrides {
  sender?: WebhookSender;
  resolveHost?: ResolveHost;
  random?: () => number;
  allowLoopbackWebhooks?: boolean;
  patientKeys?: PatientKeys;
}

/** Builds intake's stores, adapters and use cases on a runtime (Lambda, tests). */
export function composeIntake(runtime: ServiceRuntime, overrides: IntakeOverrides = {}) {
  const referralStore = createReferralStore(runtime);
  const webhookStore = createWebhookStore(runtime);
  const network = createNetworkStore(runtime);
  const vet = createWebhookTargets(overrides.resolveHost ?? resolveHost, {
    allowLoopback: overrides.allowLoopbackWebhooks ?? process.env[allowLoopbackWebhooksVariable] === 'true',
  });
  const referrals = createReferrals({
    runtime,
    referrals: referralStore,
    network,
    patientKeys: overrides.patientKeys ?? secretsManagerPatientKeys(process.env.PATIENT_KEY_SECRET_ID),
  });
  const dispatch = createWebhookDispatch({
    runtime,
    webhooks: webhookStore,
    sender: overrides.sender ?? createHttpWebhookSender(),
    vet,
    random: overrides.random ?? Math.random,
  });
  return {
    runtime,
    network,
    referrals,
    accessLog: createAccessLog(createAccessLogStore(runtime), referrals),
    webhooks: createWebhooks(runtime, webhookStore, vet),
    dispatch,
    communityLoop: createCommunityLoop(referralStore, dispatch),
  };
}

export type Intake = ReturnType<typeof composeIntake>;
