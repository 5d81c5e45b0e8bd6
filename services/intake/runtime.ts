import { createServiceRuntime } from '@carelink/lambda-kit';
import {
  composeAccessLog,
  composeCommunityLoop,
  composeReferrals,
  composeWebhookDispatch,
  composeWebhooks,
} from './compose';
import { createNetworkStore } from './store/network-store';

/**
 * The intake composition root: one runtime per process, and each part of the service built on it.
 * The parts are pure so that esbuild drops those a function does not import; a part that needs
 * another is handed the one built here, as composeIntake does.
 */
export const runtime = createServiceRuntime('intake');
export const network = /* @__PURE__ */ createNetworkStore(runtime);
export const referrals = /* @__PURE__ */ composeReferrals(runtime, {}, network);
export const accessLog = /* @__PURE__ */ composeAccessLog(runtime, referrals);
export const webhooks = /* @__PURE__ */ composeWebhooks(runtime);
export const dispatch = /* @__PURE__ */ composeWebhookDispatch(runtime);
export const communityLoop = /* @__PURE__ */ composeCommunityLoop(runtime, dispatch);
