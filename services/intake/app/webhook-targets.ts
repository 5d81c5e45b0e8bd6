import type { ResolveHost } from '../adapters/address-resolver';
import type { WebhookTargetRefusal } from '../domain/errors';
import { isPermittedAddress, isPermittedScheme, type WebhookTargetPolicy } from '../domain/webhook-target';

/** A webhook URL with the one address a delivery connects to. */
export interface VettedTarget {
  url: URL;
  address: string;
}

/**
 * Resolves a webhook URL and checks every address it leads to. Run at registration and again
 * before every attempt, so a name that later resolves somewhere internal is refused then too.
 */
export function createWebhookTargets(resolve: ResolveHost, policy: WebhookTargetPolicy) {
  return async function vet(rawUrl: string): Promise<VettedTarget | WebhookTargetRefusal> {
    if (!URL.canParse(rawUrl)) return 'forbidden-address';
    const url = new URL(rawUrl);
    if (!isPermittedScheme(url, policy)) return 'https-required';
    let addresses: string[];
    try {
      addresses = await resolve(url.hostname);
    } catch {
      return 'unresolvable-host';
    }
    const [first] = addresses;
    if (first === undefined) return 'unresolvable-host';
    if (!addresses.every((address) => isPermittedAddress(address, policy))) return 'forbidden-address';
    return { url, address: first };
  };
}

export type VetWebhookTarget = ReturnType<typeof createWebhookTargets>;
